// The meaning of one unit: the model of the statement it holds, worked out from the unit, what
// its references resolved to and the term's bounds, and nothing else. The same inputs give the
// same meaning, so a unit an edit did not touch keeps its meaning (program/file-analysis.ts).
// A file's model gathers its units' meanings in the order of the text.

import type { UnitResolution } from '../binding/resolve';
import type { PartnershipSymbol, PartySymbol, ScopeSymbol } from '../binding/symbols';
import { isWithin } from '../binding/symbols';
import type { Calendar, ContractValue, Duration, Exclusive, Objective, Partnership, QName, Term, Unit } from '../syntax/ast';
import { DEFAULT_CALENDAR, isCalendarName } from '../values/bank-holidays';
import type { Period } from '../values/dates';
import { ChunkedList } from '../values/chunked-list';
import { firstPlaceOfKind, unitPlace } from '../syntax/unit-starts';
import { noteCarried } from './carried-models';
import { chargeModel, kpiModel, variationModel } from './declaration-meaning';
import { normModel, type TermContext } from './norm-meaning';
import { ReferenceReader } from './references';
import {
  type Approval, type BodyModel, type ChargeModel, type FileModel, type Grant, type InterfaceLink, type KpiModel, type NormModel, notesIn,
  type OpenScope, termPeriod, validDay, validEndDay, type VariationModel,
} from './semantic';

const NONE: readonly never[] = [];

/** What one unit means: at most one statement's model. */
export type UnitMeaning =
  | { readonly kind: 'grant'; readonly value: Grant }
  | { readonly kind: 'open'; readonly value: OpenScope }
  | { readonly kind: 'interface'; readonly value: InterfaceLink }
  | { readonly kind: 'norm'; readonly value: NormModel }
  | { readonly kind: 'kpi'; readonly value: KpiModel }
  | { readonly kind: 'body'; readonly value: BodyModel }
  | { readonly kind: 'charge'; readonly value: ChargeModel }
  | { readonly kind: 'variation'; readonly value: VariationModel }
  | null;

/** What went into a unit's meaning; the same inputs give the same meaning. */
export interface MeaningInputs {
  readonly file: string;
  readonly unit: Unit;
  readonly symbol: PartnershipSymbol | null;
  readonly resolution: UnitResolution;
  readonly term: TermContext;
}

/** The meaning of one unit (a term, source or junk line means nothing here). */
export function unitMeaning({ file, unit, symbol, resolution, term }: MeaningInputs): UnitMeaning {
  const refs = new ReferenceReader(resolution);
  const bounds = term.bounds;
  const item = unit.node;
  switch (item.kind) {
    case 'Exclusive': {
      const holder = refs.target(item.holder, 'party');
      const scope = refs.target(item.scope, 'scope');
      if (!holder || !scope) return null;
      const carveOuts: ScopeSymbol[] = [];
      const strayCarveOuts: { scope: ScopeSymbol; node: QName }[] = [];
      for (const q of item.except) {
        const s = refs.target(q, 'scope');
        if (!s) continue;
        if (s !== scope && isWithin(s, scope)) carveOuts.push(s);
        else strayCarveOuts.push({ scope: s, node: q });
      }
      return { kind: 'grant', value: { file, unit, node: item, holder, scope, carveOuts, strayCarveOuts, period: grantPeriod(item, bounds), endsWithTerm: item.to === null } };
    }
    case 'Open': {
      const scope = refs.target(item.scope, 'scope');
      return scope ? { kind: 'open', value: { file, unit, node: item, scope } } : null;
    }
    case 'Interface': {
      const a = refs.target(item.a, 'scope');
      const b = refs.target(item.b, 'scope');
      return a && b ? { kind: 'interface', value: { file, unit, node: item, a, b } } : null;
    }
    case 'Norm':
      return symbol?.kind === 'norm' ? { kind: 'norm', value: normModel(file, unit, symbol, item, term, refs) } : null;
    case 'Kpi':
      return symbol?.kind === 'kpi' ? { kind: 'kpi', value: kpiModel(file, unit, symbol, item, refs) } : null;
    case 'Body': {
      if (symbol?.kind !== 'body') return null;
      const approvals: Approval[] = [];
      let chair: PartySymbol | null = null;
      let members: readonly PartySymbol[] | undefined;
      let meets: Duration | null = null;
      let escalation: BodyModel['escalation'] = null;
      for (const line of item.block?.items ?? NONE) {
        if (line.kind === 'Chair' && !chair) chair = refs.target(line.party, 'party');
        if (line.kind === 'Members') members = refs.targets(members, line.parties, 'party');
        if (line.kind === 'Approves') {
          const scope = refs.target(line.scope, 'scope');
          if (scope) approvals.push({ unit, node: line, scope });
        }
        if (line.kind === 'Meets') meets ??= line.duration;
        if (line.kind === 'EscalatesTo' && !escalation) {
          const body = refs.target(line.body, 'body');
          if (body) escalation = { node: line, body };
        }
      }
      return { kind: 'body', value: { file, unit, symbol, chair, members: members ?? NONE, approvals, meets, escalation, notes: notesIn(item.block?.items ?? NONE) } };
    }
    case 'Charge':
      return symbol?.kind === 'charge' ? { kind: 'charge', value: chargeModel(file, unit, symbol, item, refs) } : null;
    case 'Variation':
      return symbol?.kind === 'variation' ? { kind: 'variation', value: variationModel(file, unit, symbol, item, resolution.references, refs) } : null;
    default:
      return null;
  }
}

/** The term line of a partnership and its unit: the first, as the brief says. */
export function termOf(partnership: Partnership): { node: Term; unit: Unit } | null {
  const units = partnership.block?.units;
  const place = units ? firstPlaceOfKind(units, 'Term') : -1;
  if (place >= 0) return { node: units!.at(place).node as Term, unit: units!.at(place) };
  return null;
}

/**
 * Where `norm`, declared by the unit at `place`, stands in `earlier.norms` (from `from` on):
 * found by binary search on its units' places, as the norms are in the order of their units,
 * so that an edit does not search a list as long as the contract; -1 when it is not there.
 */
function normIndex(earlier: FileModel, norm: NormModel, place: number, from: number): number {
  const block = earlier.partnership.block;
  let low = from;
  let high = earlier.norms.length - 1;
  while (block && low <= high) {
    const middle = (low + high) >> 1;
    const at = unitPlace(block, earlier.norms.at(middle).unit);
    if (at === undefined) break;
    if (at < place) low = middle + 1;
    else if (at > place) high = middle - 1;
    else if (earlier.norms.at(middle) === norm) return middle;
    else break;
  }
  // A list not in the order of its units' known places is searched.
  return earlier.norms.indexOf(norm, from);
}

/**
 * The model of a file whose meanings and units differ from `earlier`'s only at the places
 * `changed`, each meaning keeping its kind: the earlier model with those meanings replaced where
 * they stand, so its lists are not gathered again. Null when that does not hold, or a unit the
 * model reads without a meaning (a note, a value, an objective, the calendar) changed: gather
 * the model afresh.
 */
export function carriedFileModel(earlier: FileModel, before: ChunkedList<UnitMeaning>, partnership: Partnership, meanings: ChunkedList<UnitMeaning>, changed: readonly number[]): FileModel | null {
  if (termOf(partnership)?.unit !== earlier.termUnit) return null;
  const carried = meaningsReplaced(earlier, before, partnership, meanings, changed);
  if (carried) noteCarried(carried.model, earlier, carried.normPlaces);
  return carried?.model ?? null;
}

/** Names each kind of meaning's list in a file's model. */
export const listOfKind = {
  grant: 'grants', open: 'opens', interface: 'interfaces', kpi: 'kpis', body: 'bodies', charge: 'charges', variation: 'variations',
} as const;

/**
 * `carriedFileModel` without noting where the model came from: `earlier` with the meanings at
 * `changed` replaced, and the places of the norms replaced.
 */
export function meaningsReplaced(
  earlier: FileModel, before: ChunkedList<UnitMeaning>, partnership: Partnership, meanings: ChunkedList<UnitMeaning>, changed: readonly number[],
): { readonly model: FileModel; readonly normPlaces: readonly number[] } | null {
  if (before.length !== meanings.length) return null;
  const lists: Partial<Record<keyof typeof listOfKind, unknown[]>> = {};
  const normsNow = new Map<number, NormModel>();
  // In the order of the text, as the lists are: each search goes on from where the last one
  // stopped, so that an edit that changes every norm (a party's title changes the norms that
  // name it) searches the list once, not once per norm.
  const places = [...changed].sort((a, b) => a - b);
  let nextNorm = 0;
  for (const i of places) {
    const then = before.at(i);
    const now = meanings.at(i);
    if (!then && !now) {
      const [thenUnit, nowUnit] = [earlier.partnership.block?.units.at(i), partnership.block?.units.at(i)];
      // Every place keeps its kind of statement (so a carried model has the earlier one's).
      if (thenUnit?.node.kind !== nowUnit?.node.kind || gatheredAsWritten(nowUnit)) return null;
      continue;
    }
    if (!then || !now || then.kind !== now.kind) return null;
    if (now.kind === 'norm') {
      // The norms, a list as long as the contract, share all but the replaced norms' chunks.
      const at = normIndex(earlier, then.value as NormModel, i, nextNorm);
      if (at < 0) return null;
      nextNorm = at + 1;
      normsNow.set(at, now.value);
      continue;
    }
    const list = (lists[now.kind] ??= (earlier[listOfKind[now.kind]] as readonly unknown[]).slice());
    const at = list.indexOf(then.value);
    if (at < 0) return null;
    list[at] = now.value;
  }
  const replaced: Record<string, unknown> = {};
  for (const [kind, list] of Object.entries(lists)) replaced[listOfKind[kind as keyof typeof listOfKind]] = list;
  const normPlaces = [...normsNow.keys()].sort((a, b) => a - b);
  if (normPlaces.length > 0) replaced.norms = earlier.norms.replaced(normPlaces, (at) => normsNow.get(at)!);
  return { model: { ...earlier, partnership, ...replaced }, normPlaces };
}

/** Whether the model takes a unit as written, not through a meaning: notes, values, objectives, the calendar. */
export function gatheredAsWritten(unit: Unit | undefined): boolean {
  const kind = unit?.node.kind;
  return kind === 'Note' || kind === 'ContractValue' || kind === 'Objective' || kind === 'Calendar';
}

/** A file's model from its units' meanings, in the order of the text. */
export function fileModel(file: string, partnership: Partnership, meanings: ChunkedList<UnitMeaning>): FileModel {
  const term = termOf(partnership);
  // Each kind of meaning has its list: a unit's meaning joins the list of its kind.
  type Kind = Exclude<NonNullable<UnitMeaning>['kind'], 'norm'>;
  const lists: { readonly [K in Kind]: Extract<NonNullable<UnitMeaning>, { kind: K }>['value'][] } = {
    grant: [], open: [], interface: [], kpi: [], body: [], charge: [], variation: [],
  };
  // The norms, as many as the contract has, go straight into chunks.
  const norms = ChunkedList.builder<NormModel>();
  const notes: string[] = [];
  const values: ContractValue[] = [];
  const objectives: Objective[] = [];
  // By index: this runs for every unit as a contract opens, when a `for … of` loop still makes an object for each step.
  for (let i = 0; i < meanings.length; i++) {
    const m = meanings.at(i);
    if (m?.kind === 'norm') norms.push(m.value);
    else if (m) (lists[m.kind] as unknown[]).push(m.value);
    else {
      const node = partnership.block!.units.at(i).node;
      if (node.kind === 'Note') notes.push(node.text.value);
      else if (node.kind === 'ContractValue') values.push(node);
      else if (node.kind === 'Objective') objectives.push(node);
    }
  }
  const calendarNode = calendarOf(partnership);
  return {
    file, partnership, termNode: term?.node ?? null, termUnit: term?.unit ?? null, term: termPeriod(term?.node ?? null),
    grants: lists.grant, opens: lists.open, interfaces: lists.interface, norms: norms.finish(), kpis: lists.kpi, bodies: lists.body,
    charges: lists.charge, variations: lists.variation, notes, values, objectives,
    calendarNode, calendar: calendarNamed(calendarNode),
  };
}

/** The partnership's first `calendar` line. */
export function calendarOf(partnership: Partnership): Calendar | null {
  const units = partnership.block?.units;
  const place = units ? firstPlaceOfKind(units, 'Calendar') : -1;
  return place >= 0 ? (units!.at(place).node as Calendar) : null;
}

export function calendarNamed(node: Calendar | null): TermContext['calendar'] {
  return node && isCalendarName(node.name.text) ? node.name.text : DEFAULT_CALENDAR;
}

function grantPeriod(grant: Exclusive, bounds: Period): Period | null {
  const from = grant.from ? validDay(grant.from) : bounds.from;
  const to = grant.to ? validEndDay(grant.to) : bounds.to;
  if (from === null || to === null) return null;
  if (grant.from && grant.to && to < from) return null;
  return { from, to };
}

