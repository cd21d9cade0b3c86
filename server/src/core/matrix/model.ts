// The obligation matrix of one partnership: one row per norm (grouped by the top-level scope
// its object or `scope` line falls in, ungrouped rows last), one column per party, and cells
// that say each party's part. A second table shows exclusivity over the scope tree. Every
// renderer (HTML, Markdown, CSV, JSON, the editor preview) reads this model only.

import { hasBidiControl, showBidiControlsIn } from '../text/bidi';
import type { EventSymbol, KpiSymbol, PartySymbol, ScopeSymbol } from '../binding/symbols';
import type { Diagnostic, FileSpan } from '../diagnostics/diagnostic';
import type { FileModel, Grant, InterfaceLink, KpiModel, NormModel } from '../model/semantic';
import type { Analysis } from '../analysis/analysis';
import type { SourceFile } from '../program/program';
import { variedSpan } from '../model/varied';
import type { Unit } from '../syntax/ast';
import type { ChunkedList } from '../values/chunked-list';
import { namesText, qnameText } from '../syntax/ast';
import { docCommentBefore } from '../syntax/doc-comments';
import { placesIn, placeText } from './places';
import { formatDay, type Period } from '../values/dates';
import { formatQuantity } from '../values/decimal';
import type { ExclusivityRow, Matrix, MatrixGroup, MatrixParty, MatrixPlace, MatrixRow, RowChange } from '../../../../shared/out/matrix';
import { moneySection } from './money-section';
import { eventRows, governanceRows, kpiRows, type SectionContext, variationRows } from './sections';
import { marksOf, type VariationMarks, variationMarks } from './variation-marks';
import { whenOf, type WhenContext } from './when';
import { groupingOf, rowsOf } from './kept-rows';
import { keptSections } from './kept-sections';
import { basisOf } from './kept-basis';
import { firstPlaceOfKind } from '../syntax/unit-starts';

const EXCLUSIVITY_CODES = new Set(['P201', 'P202', 'P203', 'P204', 'P205']);

/**
 * The matrix of the partnership in `file`. Bidirectional controls in any of its text are shown
 * as marks (`⟦U+202E⟧`) in every rendering and in the preview, never obeyed.
 */
export function buildMatrix(program: Analysis, file: string): Matrix | null {
  const plan = planMatrix(program, file);
  if (!plan) return null;
  const rows = plan.keptRows();
  const matrix: Matrix = { ...plan.head, groups: plan.groups.map((g, i) => ({ scope: g.scope, rows: rows[i] })) };
  return plan.showsBidiControls ? showBidiControlsIn(matrix) : matrix;
}

/** A group of the matrix by the norms its rows are made from. */
export interface PlannedGroup {
  readonly scope: MatrixGroup['scope'];
  readonly norms: readonly NormModel[];
}

/**
 * Everything of the matrix but its rows (`head`, whose groups are empty), and what makes the
 * rows: the norms of each group and the row of one norm. A row is kept for the next matrix of
 * the same norm only when `cached` is true (the editor's); the command line makes each row,
 * writes it and lets it go.
 */
export interface MatrixPlan {
  readonly head: Matrix;
  readonly groups: readonly PlannedGroup[];
  /** The line of `norm` in the matrix's file. */
  readonly lineOf: (norm: NormModel) => number;
  readonly rowOf: (norm: NormModel, cached: boolean) => MatrixRow;
  /** The rows of each group, kept by the editor from one analysis to the next (see kept-rows.ts). */
  readonly keptRows: () => readonly (readonly MatrixRow[])[];
  /** Whether the text of a file holds a bidirectional control, which the head and rows must then show. */
  readonly showsBidiControls: boolean;
}

export function planMatrix(program: Analysis, file: string): MatrixPlan | null {
  const source = program.files.get(file);
  const model = source?.model;
  if (!source || !model) return null;
  const lines = program.lines(file);
  const lineOf = (offset: number): number => lines.position(offset).line + 1;
  const lineAt: LineAt = (unit, offset) => lineOf(program.startOf(file, unit) + offset);
  const placeOf = placesIn(program, file);
  const partyId = (p: PartySymbol): string => (p.file === file ? p.name : `${program.files.get(p.file)?.partnership?.name.text ?? '?'}.${p.name}`);
  const scopeName = (s: ScopeSymbol): string => (s.file === file ? s.path : `${program.files.get(s.file)?.partnership?.name.text ?? '?'}.${s.path}`);

  const marks = variationMarks(program, file);
  const timing: WhenContext = { termEnd: marks.termEnd, calendar: model.calendar };
  const grouping = groupingOf(model);
  // What the kept rows and sections are kept against (kept-basis.ts).
  const basis = basisOf(program, file, model);
  const kpiModels = new Map(model.kpis.map((k) => [k.symbol, k] as const));
  const normLine = (norm: NormModel): number => lineAt(norm.unit, norm.node.start);
  const rowOfNorm = (norm: NormModel, cached: boolean): MatrixRow => {
    const rowTiming = { when: whenOf(norm, timing, cached), changes: marksOf(marks, norm.symbol, norm.followsExpiry !== 'none') };
    return cached ? rowOf(norm, partyId, lineAt, kpiModels, rowTiming) : row(norm, partyId, normLine(norm), kpiModels, rowTiming);
  };
  // Ungrouped rows last; the groups in order of their first norm.
  const order = grouping.keys.map((_, g) => g).sort((a, b) => (grouping.keys[a] === null ? 1 : grouping.keys[b] === null ? -1 : 0));
  const planned: PlannedGroup[] = order.map((g) => {
    const scope = grouping.keys[g];
    return { scope: scope ? { path: scopeName(scope), title: scope.title ?? '' } : null, norms: grouping.norms[g] };
  });
  // The editor's rows, group by group in the grouping's order, kept through edits that leave them.
  const keptRows = (): readonly (readonly MatrixRow[])[] => {
    const rows = rowsOf(model, grouping, basis, (norm) => rowOfNorm(norm, true));
    return order.map((g) => rows[g]);
  };

  const diagnostics = program.diagnostics(file);
  const conflicts = diagnostics
    .filter((d) => EXCLUSIVITY_CODES.has(d.code))
    .map((d) => ({ ...placeOf(d), code: d.code, severity: d.severity, message: d.message, related: d.related.map((r) => ({ ...placeOf(r), message: r.message })) }));

  const term = model.term;
  const sections: SectionContext = { program, model, marks, partyId, scopeName, lineAt };
  // The sections that read every norm, kept through an edit that left what they read.
  const kept = keptSections(model, basis, {
    parties: () => partiesOf(source, model, partyId),
    events: () => {
      const events: EventSymbol[] = [];
      for (const s of source.declarations.ofKinds(['event'])) if (source.declarations.topLevel.get(s.name) === s) events.push(s as EventSymbol);
      return eventRows(sections, events);
    },
    kpis: () => kpiRows(sections),
    money: () => moneySection(sections),
    exclusivity: () => exclusivityRows(program, model, diagnostics, lineAt, partyId, scopeName, placeOf, marks),
  }, { exclusivity: JSON.stringify(conflicts) });
  const head: Matrix = {
    partnership: {
      name: model.partnership.name.text,
      title: model.partnership.title?.value ?? '',
      doc: docCommentBefore(source.text, model.partnership.start) ?? '',
      term: term ? `${formatDay(term.from)} to ${formatDay(term.to)}` : '',
      source: sourceOf(model.partnership.block?.units),
      notes: model.notes,
      values: model.values.map((v) => ({ amount: formatQuantity(v.amount), text: v.text?.value ?? '' })),
      objectives: model.objectives.map((o) => o.text.value),
      calendar: model.calendarNode ? model.calendar : '',
      termChanges: marks.termChanges,
    },
    parties: kept.parties,
    groups: [],
    exclusivity: kept.exclusivity,
    conflicts,
    events: kept.events,
    money: kept.money,
    kpis: kept.kpis,
    governance: governanceRows(sections, diagnostics),
    variations: variationRows(sections),
  };
  const showsBidiControls = [...program.files.values()].some((f) => hasBidiControl(f.text));
  return { head, groups: planned, lineOf: normLine, rowOf: rowOfNorm, keptRows, showsBidiControls };
}

/** The columns: the partnership's own parties, then imported parties that take part in a norm. */
function partiesOf(source: SourceFile, model: FileModel, partyId: (p: PartySymbol) => string): MatrixParty[] {
  const parties: MatrixParty[] = [];
  const seen = new Set<PartySymbol>();
  const addParty = (p: PartySymbol | null): void => {
    if (!p || seen.has(p)) return;
    seen.add(p);
    parties.push({ id: partyId(p), title: p.title ?? '', role: p.decl.role?.text ?? '' });
  };
  // The declarations of a kind are visited through the places of their units, kept from edit to edit.
  for (const s of source.declarations.ofKinds(['party'])) if (source.declarations.topLevel.get(s.name) === s) addParty(s as PartySymbol);
  const addParties = (list: readonly PartySymbol[]): void => {
    for (let i = 0; i < list.length; i++) addParty(list[i]);
  };
  for (const n of model.norms) {
    addParties(n.subjects);
    addParty(n.accountable);
    addParties(n.beneficiaries);
    addParties(n.consulted);
    addParties(n.informed);
  }
  return parties;
}

/**
 * Rows by norm. Everything a row says comes from its norm's model and the declarations it
 * names; a model is made anew whenever any of those may have changed (an edit elsewhere in the
 * norm's file or in a file it imports), so an unchanged norm's row is only re-lined. The same
 * row object comes back while its line is the same, which lets the preview skip it cheaply.
 */
const rows = new WeakMap<NormModel, MatrixRow>();

/** The line of an offset of a unit of the matrix's file. */
type LineAt = (unit: Unit, offset: number) => number;

/** The partnership's `source` line, if it has one. */
function sourceOf(units: ChunkedList<Unit> | undefined): string {
  // The place of the first `source` line, kept from edit to edit rather than searched for.
  const place = units ? firstPlaceOfKind(units, 'Source') : -1;
  const node = place >= 0 ? units!.at(place)!.node : undefined;
  return node?.kind === 'Source' ? node.text.value : '';
}

/** What a row says that depends on more than its norm: the term's end as varied, and the variations. */
interface RowTiming {
  readonly when: string;
  readonly changes: readonly RowChange[];
}

const sameChanges = (a: readonly RowChange[], b: readonly RowChange[]): boolean =>
  a.length === b.length && a.every((c, i) => c.kind === b[i].kind && c.day === b[i].day && c.by === b[i].by);

function rowOf(norm: NormModel, partyId: (p: PartySymbol) => string, lineAt: LineAt, kpiModels: ReadonlyMap<KpiSymbol, KpiModel>, timing: RowTiming): MatrixRow {
  const line = lineAt(norm.unit, norm.node.start);
  const cached = rows.get(norm);
  if (cached && cached.line === line && cached.when === timing.when && sameChanges(cached.changes, timing.changes)) return cached;
  const made = cached ? { ...cached, line, ...timing } : row(norm, partyId, line, kpiModels, timing);
  rows.set(norm, made);
  return made;
}

/** A norm's row, made as one object (the command line makes hundreds of thousands, each let go once written). */
function row(norm: NormModel, partyId: (p: PartySymbol) => string, lineNumber: number, kpiModels: ReadonlyMap<KpiSymbol, KpiModel>, timing: RowTiming): MatrixRow {
  // No prototype: a party may be named `constructor` or `toString`.
  const cells: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const mark = (p: PartySymbol | null, part: string): void => {
    if (!p) return;
    const id = partyId(p);
    const list = Object.prototype.hasOwnProperty.call(cells, id) ? cells[id] : (cells[id] = []);
    if (!list.includes(part)) list.push(part);
  };
  for (const subject of norm.subjects) mark(subject, `R (${norm.modal})`);
  mark(norm.accountable, 'A');
  norm.consulted.forEach((p) => mark(p, 'C'));
  norm.informed.forEach((p) => mark(p, 'I'));
  for (const beneficiary of norm.beneficiaries) mark(beneficiary, 'B');
  const line = norm.line;
  // An obligation's strength goes with its modal: `SB must (reasonable endeavours) deliver …`.
  const modal = line && norm.endeavours && norm.keyword === 'obligation' ? `${line.modal.value} (${norm.endeavours} endeavours)` : line?.modal.value;
  const statement = line
    ? `${namesText(line.subjects)} ${modal} ${line.verb.text} ${line.object.kind === 'String' ? JSON.stringify(line.object.value) : qnameText(line.object)}${line.beneficiaries.length > 0 ? ` to ${namesText(line.beneficiaries)}` : ''}`
    : '';
  const kpis = norm.kpis.map((k) => {
    const kpi = kpiModels.get(k);
    const target = kpi?.target ?? (k.decl.block?.items.find((i) => i.kind === 'Target') as import('../syntax/ast').Target | undefined) ?? null;
    return { name: k.name, title: k.title ?? '', target: target ? `${target.comparator.op} ${formatQuantity(target.value)}` : '' };
  });
  return {
    norm: norm.symbol.name,
    title: norm.symbol.title ?? '',
    kind: norm.node.keyword,
    statement,
    line: lineNumber,
    cells,
    kpis,
    consequence: norm.otherwise ?? '',
    clause: norm.clause ?? '',
    notes: norm.notes,
    amount: norm.amount ? formatQuantity(norm.amount) : '',
    doc: norm.symbol.doc ?? '',
    when: timing.when,
    changes: timing.changes,
  };
}

function periodText(p: Period | null): string {
  if (!p) return '';
  const from = p.from <= -1e9 ? '' : formatDay(p.from);
  const to = p.to >= 1e9 ? '' : formatDay(p.to);
  return from && to ? `${from} to ${to}` : from ? `from ${from}` : to ? `until ${to}` : 'at all times';
}

function exclusivityRows(
  program: Analysis,
  model: FileModel,
  diagnostics: readonly Diagnostic[],
  lineAt: LineAt,
  partyId: (p: PartySymbol) => string,
  scopeName: (s: ScopeSymbol) => string,
  placeOf: (span: FileSpan) => MatrixPlace,
  marks: VariationMarks,
): ExclusivityRow[] {
  const file = model.file;
  // Each statement by the scope it names, so every row is a lookup rather than a scan.
  const grantsOn = new Map<ScopeSymbol, Grant[]>();
  const openScopes = new Set<ScopeSymbol>();
  const interfacesOn = new Map<ScopeSymbol, InterfaceLink[]>();
  for (const m of program.models()) {
    for (const g of m.grants) listOf(grantsOn, g.scope).push(g);
    for (const o of m.opens) openScopes.add(o.scope);
    for (const i of m.interfaces) for (const side of new Set([i.a, i.b])) listOf(interfacesOn, side).push(i);
  }
  const exclusivityProblems = diagnostics.filter((d) => EXCLUSIVITY_CODES.has(d.code));
  // Where this file's statements about each scope are, in its text: read only to place the
  // conflicts, which most contracts have none of.
  const ownStatements = new Map<ScopeSymbol, { start: number; end: number }[]>();
  if (exclusivityProblems.length > 0) {
    const inText = (unit: Unit, node: { start: number; end: number }) => {
      const base = program.startOf(file, unit);
      return { start: base + node.start, end: base + node.end };
    };
    for (const g of model.grants) listOf(ownStatements, g.scope).push(inText(g.unit, g.node));
    for (const o of model.opens) listOf(ownStatements, o.scope).push(inText(o.unit, o.node));
    for (const n of model.norms) if (n.objectScope && n.line) listOf(ownStatements, n.objectScope).push(inText(n.unit, n.line));
  }
  // A grant of another contract shows what that contract's variations did to it.
  const otherMarks = new Map<string, VariationMarks>([[file, marks]]);
  const marksIn = (f: string): VariationMarks => {
    let found = otherMarks.get(f);
    if (!found) otherMarks.set(f, (found = variationMarks(program, f)));
    return found;
  };

  // Scopes to show: this partnership's own, plus imported scopes its statements name, with their ancestors.
  const shown = new Set<ScopeSymbol>();
  const source = program.files.get(file)!;
  for (const s of source.declarations.ofKinds(['scope'])) shown.add(s as ScopeSymbol);
  // A scope shown already has its ancestors shown: most statements name a scope another named.
  const show = (scope: ScopeSymbol | null): void => {
    for (let a = scope; a && !shown.has(a); a = a.parent) shown.add(a);
  };
  for (const g of model.grants) show(g.scope);
  for (const o of model.opens) show(o.scope);
  for (const i of model.interfaces) {
    show(i.a);
    show(i.b);
  }
  model.norms.forEach((n) => {
    show(n.objectScope);
    show(n.scopeLine);
  });

  const conflictsOf = (start: number, end: number): string[] =>
    exclusivityProblems.filter((d) => d.start >= start && d.end <= end).map((d) => `${d.code}: ${d.message}${d.related.map((r) => ` (other side: ${placeText(placeOf(r))})`).join('')}`);

  const rows: ExclusivityRow[] = [];
  const visit = (scope: ScopeSymbol): void => {
    if (!shown.has(scope)) return;
    const grants = grantsOn.get(scope) ?? [];
    const own = scope.file === file;
    rows.push({
      path: scopeName(scope),
      title: scope.title ?? '',
      covers: (scope.decl.block?.items ?? []).flatMap((i) => (i.kind === 'Covers' ? [i.text.value] : [])),
      depth: scope.depth,
      holders: grants.map((g) => ({
        party: g.file === file ? qnameText(g.node.holder) : partyId(g.holder),
        // As varied by its partnership's variations; the marks say which.
        period: periodText(variedSpan(g, program.variationEffects(g.file))),
        clause: g.node.clause?.value ?? '',
        except: g.node.except.map(qnameText),
        partnership: g.file === file ? null : program.files.get(g.file)?.partnership?.name.text ?? null,
        line: g.file === file ? lineAt(g.unit, g.node.start) : null,
        changes: marksOf(marksIn(g.file), g, g.endsWithTerm),
      })),
      open: openScopes.has(scope),
      interfaces: (interfacesOn.get(scope) ?? []).map((i) => ({ with: scopeName(i.a === scope ? i.b : i.a), note: i.node.note?.value ?? '' })),
      conflicts: exclusivityProblems.length === 0 ? [] : (ownStatements.get(scope) ?? []).flatMap((node) => conflictsOf(node.start, node.end)),
      line: own ? lineAt(scope.unit, scope.nameNode.start) : null,
    });
    for (const child of scope.children.values()) visit(child);
  };
  const roots: ScopeSymbol[] = [];
  for (const s of shown) if (!s.parent && !roots.includes(s)) roots.push(s);
  const startOf = (s: ScopeSymbol): number => program.startOf(s.file, s.unit) + s.nameNode.start;
  roots.sort((a, b) => (a.file === file ? 0 : 1) - (b.file === file ? 0 : 1) || (a.file < b.file ? -1 : a.file > b.file ? 1 : startOf(a) - startOf(b)));
  for (const root of roots) visit(root);
  return rows;
}

function listOf<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
