// The matrix's sections beyond the norms: events, service levels, governance and variations
// (money has its own module, money-section.ts). Each reads the file's model and says it in the
// words every renderer shows; a declaration of the matrix's own file carries its line.

import type { EventSymbol, KpiSymbol, PartySymbol, ScopeSymbol } from '../binding/symbols';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileModel } from '../model/semantic';
import type { Analysis } from '../analysis/analysis';
import type { Band, Junk, Quantity, Unit, VariationItem } from '../syntax/ast';
import { qnameText } from '../syntax/ast';
import { formatDay } from '../values/dates';
import { formatQuantity } from '../values/decimal';
import { targetText } from '../../../../shared/out/matrix-wording';
import type { MatrixBody, MatrixEvent, MatrixKpiDetail, MatrixVariation } from '../../../../shared/out/matrix';
import { marksOf, type VariationMarks, variationMarks } from './variation-marks';
import { durationWords, everyWords } from './when';

/** What the sections need to name things and place them. */
export interface SectionContext {
  readonly program: Analysis;
  readonly model: FileModel;
  readonly marks: VariationMarks;
  readonly partyId: (p: PartySymbol) => string;
  readonly scopeName: (s: ScopeSymbol) => string;
  /** The line of an offset of a unit of the matrix's own file. */
  readonly lineAt: (unit: Unit, offset: number) => number;
}

/** A value in words as written: `99.5%`, `£5k`, `4 hours`. */
export function valueText(q: Quantity): string {
  if (q.unit !== 'duration' || !q.duration) return formatQuantity(q);
  return durationWords({ count: Number(q.digits), unit: q.duration });
}

const comparison = (op: string, value: Quantity): string => targetText(`${op} ${valueText(value)}`);

export function eventRows(c: SectionContext, events: readonly EventSymbol[]): MatrixEvent[] {
  // Which norms each event starts, found in one pass over the norms (not one per event).
  const wanted = new Map(events.map((e) => [e.name, e]));
  const usedBy = new Map<EventSymbol, string[]>();
  for (const n of c.model.norms) {
    const from = n.from?.at.kind === 'QName' ? wanted.get(qnameText(n.from.at)) : undefined;
    // Most norms name no event: they cost a test, not a set.
    if (n.when.length === 0 && n.deadline?.anchor?.kind !== 'event' && !from) continue;
    const uses = new Set<EventSymbol>(n.when);
    if (n.deadline?.anchor?.kind === 'event') uses.add(n.deadline.anchor);
    if (from) uses.add(from);
    for (const e of uses) {
      const list = usedBy.get(e);
      if (list) list.push(n.symbol.name);
      else usedBy.set(e, [n.symbol.name]);
    }
  }
  return events.map((e) => ({
    name: e.name,
    title: e.title ?? '',
    doc: e.doc ?? '',
    notes: [],
    line: c.lineAt(e.unit, e.decl.start),
    clause: e.decl.clause?.value ?? '',
    usedBy: usedBy.get(e) ?? [],
  }));
}

export function kpiRows(c: SectionContext): MatrixKpiDetail[] {
  const termStart = c.model.term ? formatDay(c.model.term.from) : 'the term’s first day';
  // The norms each KPI measures, found in one pass over the norms.
  const measures = new Map<KpiSymbol, string[]>();
  for (const n of c.model.norms) {
    if (n.kpis.length === 0) continue;
    for (const k of new Set(n.kpis)) {
      const list = measures.get(k);
      if (list) list.push(n.symbol.name);
      else measures.set(k, [n.symbol.name]);
    }
  }
  return c.model.kpis.map((k) => ({
    name: k.symbol.name,
    title: k.symbol.title ?? '',
    doc: k.symbol.doc ?? '',
    notes: k.notes,
    line: c.lineAt(k.unit, k.node.start),
    owner: k.owner ? c.partyId(k.owner) : '',
    scope: k.scope ? c.scopeName(k.scope) : '',
    measured: !k.measured ? '' : k.measured.frequency.kind === 'Frequency' ? k.measured.frequency.text : everyWords(k.measured.frequency),
    baseline: k.baseline ? `${valueText(k.baseline.value)}${k.baseline.text ? ` (${k.baseline.text.value})` : ''}` : '',
    targets: k.targets.map((t) => `${comparison(t.comparator.op, t.value)} from ${t.from?.text ?? termStart}`),
    thresholds: k.thresholds.map((t) => `${comparison(t.comparator.op, t.value)}${t.consequence ? `: ${t.consequence.value}` : ''}`),
    credits: k.credits.map((cr) => `${valueText(cr.node.amount)}${cr.node.charge ? ` of ${qnameText(cr.node.charge)}` : ''} when ${comparison(cr.node.comparator.op, cr.node.value)}`),
    weight: k.weight ? valueText(k.weight.value) : '',
    measures: measures.get(k.symbol) ?? [],
    changes: marksOf(c.marks, k.symbol, false),
  }));
}

function bandText(b: Band): string {
  if (b.form === 'above') return `above ${formatQuantity(b.low!)}`;
  if (b.form === 'up-to') return `up to ${formatQuantity(b.high!)}`;
  if (b.form === 'range') return `from ${formatQuantity(b.low!)} to ${formatQuantity(b.high!)}`;
  return 'any amount';
}

const GOVERNANCE_CODES = new Set(['P501', 'P502', 'P503']);

export function governanceRows(c: SectionContext, diagnostics: readonly Diagnostic[]): MatrixBody[] {
  const findings = diagnostics.filter((d) => GOVERNANCE_CODES.has(d.code));
  return c.model.bodies.map((b) => {
    const base = c.program.startOf(c.model.file, b.unit);
    const decl = b.symbol.decl;
    return {
      name: b.symbol.name,
      title: b.symbol.title ?? '',
      doc: b.symbol.doc ?? '',
      notes: b.notes,
      line: c.lineAt(b.unit, decl.start),
      chair: b.chair ? c.partyId(b.chair) : '',
      members: b.members.map(c.partyId),
      meets: b.meets ? everyWords(b.meets) : '',
      escalatesTo: b.escalation ? b.escalation.body.name : '',
      approvals: b.approvals.map((a) => `${c.scopeName(a.scope)} ${bandText(a.node.band)}`),
      findings: findings.filter((d) => d.start >= base + decl.start && d.start < base + decl.end).map((d) => `${d.code}: ${d.message}`),
      changes: marksOf(c.marks, b.symbol, false),
    };
  });
}

/** A variation's change in words, as written: `ends exclusive SB over ICT.Core`. */
function changeWords(item: VariationItem | Junk): string | null {
  switch (item.kind) {
    case 'TermTo': return `term to ${item.date.text}`;
    case 'EndsExclusive': return `ends exclusive ${qnameText(item.holder)} over ${qnameText(item.scope)}`;
    case 'EndsOpen': return `ends open ${qnameText(item.scope)}`;
    case 'Ends': return `ends ${qnameText(item.target)}`;
    case 'Returns': return `returns ${qnameText(item.scope)}${item.to ? ` to ${qnameText(item.to)}` : ''}`;
    default: return null;
  }
}

/**
 * The variations of the partnership (from any file checked together) and the ones its own file
 * makes to others, in order of effect; each says why it changes nothing when it does not.
 */
export function variationRows(c: SectionContext): MatrixVariation[] {
  const file = c.model.file;
  const status = new Map(c.marks.order.map((o) => [o.variation, o.status] as const));
  for (const v of c.model.variations) {
    if (v.variedFile && v.variedFile !== file && c.program.files.get(v.variedFile)?.model) {
      for (const o of variationMarks(c.program, v.variedFile).order) if (o.variation === v) status.set(v, o.status);
    }
  }
  const shown = [...status.keys()].sort((a, b) => (a.effectiveDay ?? Infinity) - (b.effectiveDay ?? Infinity));
  const partnershipOf = (f: string): string => c.program.files.get(f)?.partnership?.name.text ?? '?';
  return shown.map((v) => ({
    name: v.symbol.name,
    title: v.symbol.title ?? '',
    doc: v.symbol.doc ?? '',
    notes: v.notes,
    line: v.file === file ? c.lineAt(v.unit, v.node.start) : null,
    varies: v.variedName ?? (v.variedFile ? partnershipOf(v.variedFile) : ''),
    partnership: v.file === file ? null : partnershipOf(v.file),
    agreed: v.agreed?.text ?? '',
    effective: v.effective?.text ?? '',
    changes: (v.node.block?.items ?? []).flatMap((i) => changeWords(i) ?? []),
    clause: v.clause ?? '',
    status: status.get(v) ?? '',
  }));
}
