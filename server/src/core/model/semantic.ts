// The meaning of one file, with every reference resolved to its declaration and every period
// worked out as the brief defines it. Checks, the matrix and the export read this, not the
// syntax tree. Statements whose references do not resolve are left out (their P101 says why).
// Each unit's meaning depends on the unit, what its references resolved to and the term, so
// the meaning of a unit an edit did not touch is kept (see `unitMeaning`).

import type { Reference, UnitResolution } from '../binding/resolve';
import type { BodySymbol, KpiSymbol, NormSymbol, PartySymbol, PartnershipSymbol, ScopeSymbol, SymbolKind } from '../binding/symbols';
import { isWithin } from '../binding/symbols';
import type {
  Approves, DateLit, Every, Exclusive, Interface, Kpi, Measured, ModalValue, Norm, NormLine, Open, Partnership, QName, Target,
  Note, Term, Threshold, Unit,
} from '../syntax/ast';
import { dayNumber, type Period } from '../values/dates';

export interface Grant {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly node: Exclusive;
  readonly holder: PartySymbol;
  readonly scope: ScopeSymbol;
  /** Carve-outs that lie strictly inside the granted scope (others are P205 and remove nothing). */
  readonly carveOuts: readonly ScopeSymbol[];
  /** Carve-outs written outside the granted scope. */
  readonly strayCarveOuts: readonly { readonly scope: ScopeSymbol; readonly node: QName }[];
  /** Null when a written date is impossible or the period ends before it starts. */
  readonly period: Period | null;
}

export interface OpenScope {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly node: Open;
  readonly scope: ScopeSymbol;
}

export interface InterfaceLink {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly node: Interface;
  readonly a: ScopeSymbol;
  readonly b: ScopeSymbol;
}

export interface NormModel {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly symbol: NormSymbol;
  readonly node: Norm;
  readonly line: NormLine | null;
  readonly subject: PartySymbol | null;
  readonly modal: ModalValue | null;
  readonly verb: string | null;
  /** The work itself, when the object is a scope reference. */
  readonly objectScope: ScopeSymbol | null;
  /** The description, when the object is quoted. */
  readonly objectText: string | null;
  readonly beneficiary: PartySymbol | null;
  readonly scopeLine: ScopeSymbol | null;
  readonly accountable: PartySymbol | null;
  readonly consulted: readonly PartySymbol[];
  readonly informed: readonly PartySymbol[];
  readonly kpis: readonly KpiSymbol[];
  readonly due: DateLit | null;
  readonly every: Every | null;
  readonly otherwise: string | null;
  readonly clause: string | null;
  /** Its `note` lines, in order. */
  readonly notes: readonly string[];
  /** The days the norm applies; null when one of its dates is impossible. */
  readonly period: Period | null;
}

export interface KpiModel {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly symbol: KpiSymbol;
  readonly node: Kpi;
  readonly owner: PartySymbol | null;
  readonly hasOwnerLine: boolean;
  readonly scope: ScopeSymbol | null;
  readonly target: Target | null;
  readonly threshold: Threshold | null;
  readonly measured: Measured | null;
  readonly notes: readonly string[];
}

export interface Approval {
  readonly unit: Unit;
  readonly node: Approves;
  readonly scope: ScopeSymbol;
}

export interface BodyModel {
  readonly file: string;
  readonly unit: Unit;
  readonly symbol: BodySymbol;
  readonly chair: PartySymbol | null;
  readonly members: readonly PartySymbol[];
  readonly approvals: readonly Approval[];
  readonly notes: readonly string[];
}

export interface FileModel {
  readonly file: string;
  readonly partnership: Partnership;
  readonly termNode: Term | null;
  /** The unit of the term line, when there is one. */
  readonly termUnit: Unit | null;
  /** The term, when written and valid; checks that need it skip files without one. */
  readonly term: Period | null;
  readonly grants: readonly Grant[];
  readonly opens: readonly OpenScope[];
  readonly interfaces: readonly InterfaceLink[];
  readonly norms: readonly NormModel[];
  readonly kpis: readonly KpiModel[];
  readonly bodies: readonly BodyModel[];
  /** The partnership's own `note` lines. */
  readonly notes: readonly string[];
}

/** The `note` lines among some statements, in order. */
export function notesIn(items: readonly { readonly kind: string }[]): readonly string[] {
  let notes: string[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'Note') (notes ??= []).push((item as Note).text.value);
  }
  return notes ?? NONE;
}

export function validDay(date: DateLit | null): number | null {
  return date ? dayNumber(date.text) : null;
}

/** The term when both dates are valid and in order (P301 and P302 report the others). */
export function termPeriod(term: Term | null): Period | null {
  if (!term) return null;
  const from = validDay(term.from);
  const to = validDay(term.to);
  if (from === null || to === null || to < from) return null;
  return { from, to };
}

type TargetOf = <K extends SymbolKind>(q: QName | null, kind: K) => Extract<PartnershipSymbol, { kind: K }> | null;
/**
 * Adds what each of `qs` names, when of the expected kind, to `into`, which is made only when
 * there is something to add: most norms consult, inform and are measured by few or none.
 */
type TargetsOf = <K extends SymbolKind>(
  into: Extract<PartnershipSymbol, { kind: K }>[] | undefined,
  qs: readonly QName[],
  kind: K,
) => Extract<PartnershipSymbol, { kind: K }>[] | undefined;

const NONE: readonly never[] = [];

/**
 * What a unit's references name, when of the expected kind. The references are read in the
 * order they are written, which is the order they are kept in, so the next one is nearly
 * always the one asked for.
 */
function lookups(references: readonly Reference[]): { target: TargetOf; targets: TargetsOf } {
  let next = 0;
  const referenceAt = (q: QName): Reference | undefined => {
    if (next < references.length && references[next].node === q) return references[next++];
    const at = references.findIndex((r) => r.node === q);
    if (at >= 0) next = at + 1;
    return at >= 0 ? references[at] : undefined;
  };
  const target: TargetOf = <K extends SymbolKind>(q: QName | null, kind: K) => {
    if (!q) return null;
    const t = referenceAt(q)?.target;
    return t && t.kind === kind ? (t as Extract<PartnershipSymbol, { kind: K }>) : null;
  };
  const targets: TargetsOf = <K extends SymbolKind>(into: Extract<PartnershipSymbol, { kind: K }>[] | undefined, qs: readonly QName[], kind: K) => {
    for (let i = 0; i < qs.length; i++) {
      const t = target(qs[i], kind);
      if (t) (into ??= []).push(t);
    }
    return into;
  };
  return { target, targets };
}

/** What one unit means: at most one statement's model. */
export type UnitMeaning =
  | { readonly kind: 'grant'; readonly value: Grant }
  | { readonly kind: 'open'; readonly value: OpenScope }
  | { readonly kind: 'interface'; readonly value: InterfaceLink }
  | { readonly kind: 'norm'; readonly value: NormModel }
  | { readonly kind: 'kpi'; readonly value: KpiModel }
  | { readonly kind: 'body'; readonly value: BodyModel }
  | null;

/** What went into a unit's meaning; the same inputs give the same meaning. */
export interface MeaningInputs {
  readonly file: string;
  readonly unit: Unit;
  readonly symbol: PartnershipSymbol | null;
  readonly resolution: UnitResolution;
  readonly bounds: Period;
}

/** The meaning of one unit (a term, source or junk line means nothing here). */
export function unitMeaning({ file, unit, symbol, resolution, bounds }: MeaningInputs): UnitMeaning {
  const { target, targets } = lookups(resolution.references);
  const item = unit.node;
  switch (item.kind) {
    case 'Exclusive': {
      const holder = target(item.holder, 'party');
      const scope = target(item.scope, 'scope');
      if (!holder || !scope) return null;
      const carveOuts: ScopeSymbol[] = [];
      const strayCarveOuts: { scope: ScopeSymbol; node: QName }[] = [];
      for (const q of item.except) {
        const s = target(q, 'scope');
        if (!s) continue;
        if (s !== scope && isWithin(s, scope)) carveOuts.push(s);
        else strayCarveOuts.push({ scope: s, node: q });
      }
      return { kind: 'grant', value: { file, unit, node: item, holder, scope, carveOuts, strayCarveOuts, period: grantPeriod(item, bounds) } };
    }
    case 'Open': {
      const scope = target(item.scope, 'scope');
      return scope ? { kind: 'open', value: { file, unit, node: item, scope } } : null;
    }
    case 'Interface': {
      const a = target(item.a, 'scope');
      const b = target(item.b, 'scope');
      return a && b ? { kind: 'interface', value: { file, unit, node: item, a, b } } : null;
    }
    case 'Norm':
      return symbol?.kind === 'norm' ? { kind: 'norm', value: normModel(file, unit, symbol, item, bounds, target, targets) } : null;
    case 'Kpi': {
      if (symbol?.kind !== 'kpi') return null;
      const lines = item.block?.items ?? [];
      const find = <T extends { kind: string }>(kind: string): T | null => (lines.find((l) => l.kind === kind) as T | undefined) ?? null;
      const ownerLine = find<{ kind: 'Owner'; party: QName }>('Owner');
      return {
        kind: 'kpi',
        value: {
          file,
          unit,
          symbol,
          node: item,
          owner: target(ownerLine?.party ?? null, 'party'),
          hasOwnerLine: ownerLine !== null,
          scope: target(find<{ kind: 'ScopeLine'; scope: QName }>('ScopeLine')?.scope ?? null, 'scope'),
          target: find<Target>('Target'),
          threshold: find<Threshold>('Threshold'),
          measured: find<Measured>('Measured'),
          notes: notesIn(lines),
        },
      };
    }
    case 'Body': {
      if (symbol?.kind !== 'body') return null;
      const approvals: Approval[] = [];
      let chair: PartySymbol | null = null;
      let members: PartySymbol[] | undefined;
      for (const line of item.block?.items ?? []) {
        if (line.kind === 'Chair' && !chair) chair = target(line.party, 'party');
        if (line.kind === 'Members') members = targets(members, line.parties, 'party');
        if (line.kind === 'Approves') {
          const scope = target(line.scope, 'scope');
          if (scope) approvals.push({ unit, node: line, scope });
        }
      }
      return { kind: 'body', value: { file, unit, symbol, chair, members: members ?? NONE, approvals, notes: notesIn(item.block?.items ?? NONE) } };
    }
    default:
      return null;
  }
}

/** The term line of a partnership and its unit: the first, as the brief says. */
export function termOf(partnership: Partnership): { node: Term; unit: Unit } | null {
  const units = partnership.block?.units ?? NONE;
  for (let i = 0; i < units.length; i++) if (units[i].node.kind === 'Term') return { node: units[i].node as Term, unit: units[i] };
  return null;
}

/** A file's model from its units' meanings, in the order of the text. */
export function fileModel(file: string, partnership: Partnership, meanings: readonly UnitMeaning[]): FileModel {
  const term = termOf(partnership);
  const grants: Grant[] = [];
  const opens: OpenScope[] = [];
  const interfaces: InterfaceLink[] = [];
  const norms: NormModel[] = [];
  const kpis: KpiModel[] = [];
  const bodies: BodyModel[] = [];
  const notes: string[] = [];
  // By index: this runs for every unit as a contract opens, when a `for … of` loop still makes an object for each step.
  for (let i = 0; i < meanings.length; i++) {
    const m = meanings[i];
    if (!m) {
      const node = partnership.block!.units[i].node;
      if (node.kind === 'Note') notes.push(node.text.value);
      continue;
    }
    switch (m.kind) {
      case 'grant':
        grants.push(m.value);
        break;
      case 'open':
        opens.push(m.value);
        break;
      case 'interface':
        interfaces.push(m.value);
        break;
      case 'norm':
        norms.push(m.value);
        break;
      case 'kpi':
        kpis.push(m.value);
        break;
      case 'body':
        bodies.push(m.value);
        break;
    }
  }
  return { file, partnership, termNode: term?.node ?? null, termUnit: term?.unit ?? null, term: termPeriod(term?.node ?? null), grants, opens, interfaces, norms, kpis, bodies, notes };
}

function grantPeriod(grant: Exclusive, bounds: Period): Period | null {
  const from = grant.from ? validDay(grant.from) : bounds.from;
  const to = grant.to ? validDay(grant.to) : bounds.to;
  if (from === null || to === null) return null;
  if (grant.from && grant.to && to < from) return null;
  return { from, to };
}

function normModel(
  file: string,
  unit: Unit,
  symbol: NormSymbol,
  node: Norm,
  bounds: Period,
  target: TargetOf,
  targets: TargetsOf,
): NormModel {
  const lines = node.block?.items ?? [];
  let line: NormLine | null = null;
  let due: DateLit | null = null;
  let every: Every | null = null;
  let accountable: PartySymbol | null = null;
  let scopeLine: ScopeSymbol | null = null;
  let otherwise: string | null = null;
  let clause: string | null = null;
  let consulted: PartySymbol[] | undefined;
  let informed: PartySymbol[] | undefined;
  let kpis: KpiSymbol[] | undefined;
  let subject: PartySymbol | null = null;
  let objectScope: ScopeSymbol | null = null;
  let beneficiary: PartySymbol | null = null;
  // References are looked up in the order they are written, which is the order they are kept in.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    switch (l.kind) {
      case 'NormLine':
        if (line) break;
        line = l;
        subject = target(l.subject, 'party');
        objectScope = l.object.kind === 'QName' ? target(l.object, 'scope') : null;
        beneficiary = target(l.beneficiary, 'party');
        break;
      case 'Due':
        due ??= l.date;
        break;
      case 'Every':
        every ??= l;
        break;
      case 'Accountable':
        accountable ??= target(l.party, 'party');
        break;
      case 'Consulted':
        consulted = targets(consulted, l.parties, 'party');
        break;
      case 'Informed':
        informed = targets(informed, l.parties, 'party');
        break;
      case 'ScopeLine':
        scopeLine ??= target(l.scope, 'scope');
        break;
      case 'MeasuredBy':
        kpis = targets(kpis, l.kpis, 'kpi');
        break;
      case 'Otherwise':
        otherwise ??= l.text.value;
        break;
      case 'Clause':
        clause ??= l.text.value;
        break;
    }
  }
  return {
    file,
    unit,
    symbol,
    node,
    line,
    subject,
    modal: line?.modal.value ?? null,
    verb: line?.verb.text ?? null,
    objectScope,
    objectText: line && line.object.kind === 'String' ? line.object.value : null,
    beneficiary,
    scopeLine,
    accountable,
    consulted: consulted ?? NONE,
    informed: informed ?? NONE,
    kpis: kpis ?? NONE,
    due,
    every,
    otherwise,
    clause,
    notes: notesIn(lines),
    period: normPeriod(due, every, bounds),
  };
}

/**
 * With `every`: from its `from` date (else the due date, else the term's start) to the end of
 * the term. Without: the due date alone. With neither: the whole term.
 */
function normPeriod(due: DateLit | null, every: Every | null, bounds: Period): Period | null {
  const dueDay = due ? validDay(due) : undefined;
  if (dueDay === null) return null;
  if (every) {
    const fromDay = every.from ? validDay(every.from) : undefined;
    if (fromDay === null) return null;
    return { from: fromDay ?? dueDay ?? bounds.from, to: bounds.to };
  }
  if (dueDay !== undefined) return { from: dueDay, to: dueDay };
  return bounds;
}
