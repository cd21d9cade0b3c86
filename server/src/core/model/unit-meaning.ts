// The meaning of one unit: the model of the statement it holds, worked out from the unit, what
// its references resolved to and the term's bounds, and nothing else. The same inputs give the
// same meaning, so a unit an edit did not touch keeps its meaning (program/file-analysis.ts).
// A file's model gathers its units' meanings in the order of the text.

import type { UnitResolution, Reference } from '../binding/resolve';
import type { KpiSymbol, NormSymbol, PartnershipSymbol, PartySymbol, ScopeSymbol, SymbolKind } from '../binding/symbols';
import { isWithin } from '../binding/symbols';
import type { DateLit, Every, Exclusive, Measured, Norm, NormLine, Partnership, QName, Target, Term, Threshold, Unit } from '../syntax/ast';
import type { Period } from '../values/dates';
import {
  type Approval, type BodyModel, type FileModel, type Grant, type InterfaceLink, type KpiModel, type NormModel, notesIn, type OpenScope,
  termPeriod, validDay,
} from './semantic';

const NONE: readonly never[] = [];

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

/**
 * The model of a file whose meanings differ from `earlier`'s only at the places `changed`,
 * each keeping its kind: the earlier model with those meanings replaced where they stand, so
 * its lists are not gathered again. Null when that does not hold (gather the model afresh).
 */
export function carriedFileModel(earlier: FileModel, before: readonly UnitMeaning[], partnership: Partnership, meanings: readonly UnitMeaning[], changed: readonly number[]): FileModel | null {
  if (before.length !== meanings.length || termOf(partnership)?.unit !== earlier.termUnit) return null;
  const lists: Partial<Record<NonNullable<UnitMeaning>['kind'], unknown[]>> = {};
  const field = { grant: 'grants', open: 'opens', interface: 'interfaces', norm: 'norms', kpi: 'kpis', body: 'bodies' } as const;
  for (const i of changed) {
    const then = before[i];
    const now = meanings[i];
    if (!then || !now || then.kind !== now.kind) return null;
    const list = (lists[now.kind] ??= (earlier[field[now.kind]] as readonly unknown[]).slice());
    const at = list.indexOf(then.value);
    if (at < 0) return null;
    list[at] = now.value;
  }
  const replaced: Record<string, unknown> = {};
  for (const [kind, list] of Object.entries(lists)) replaced[field[kind as keyof typeof field]] = list;
  return { ...earlier, partnership, ...replaced };
}

/** A file's model from its units' meanings, in the order of the text. */
export function fileModel(file: string, partnership: Partnership, meanings: readonly UnitMeaning[]): FileModel {
  const term = termOf(partnership);
  // Each kind of meaning has its list: a unit's meaning joins the list of its kind.
  const lists: { readonly [K in NonNullable<UnitMeaning>['kind']]: Extract<NonNullable<UnitMeaning>, { kind: K }>['value'][] } = {
    grant: [], open: [], interface: [], norm: [], kpi: [], body: [],
  };
  const notes: string[] = [];
  // By index: this runs for every unit as a contract opens, when a `for … of` loop still makes an object for each step.
  for (let i = 0; i < meanings.length; i++) {
    const m = meanings[i];
    if (m) (lists[m.kind] as unknown[]).push(m.value);
    else {
      const node = partnership.block!.units[i].node;
      if (node.kind === 'Note') notes.push(node.text.value);
    }
  }
  return {
    file, partnership, termNode: term?.node ?? null, termUnit: term?.unit ?? null, term: termPeriod(term?.node ?? null),
    grants: lists.grant, opens: lists.open, interfaces: lists.interface, norms: lists.norm, kpis: lists.kpi, bodies: lists.body, notes,
  };
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
