// What the variations of a partnership do to it, worked out from its model and every variation
// of it in the files checked together, in order of effect: the term's last day as varied, what
// each change ended and on which day, the scopes returned, and the changes that matched nothing
// (P802) or the variations that came too late (P803). Pure: the same model and variations give
// an equal result. Applying it to periods is model/varied.ts.

import { isWithin, type BodySymbol, type ChargeSymbol, type KpiSymbol, type NormSymbol, type ScopeSymbol } from '../binding/symbols';
import type { FileModel, Grant, NormModel, OpenScope, VariationChange, VariationModel } from './semantic';
import { validEndDay } from './semantic';

/** What a variation ended, and the last day it was in force. */
export interface Ending {
  readonly day: number;
  readonly by: VariationModel;
}

export interface ReturnedScope {
  readonly scope: ScopeSymbol;
  /** The last day the scope was part of the contract. */
  readonly day: number;
  readonly by: VariationModel;
}

/** What can be ended: a grant or an `open` statement by its model, the rest by their declaration. */
export type Ended = Grant | OpenScope | NormSymbol | KpiSymbol | ChargeSymbol | BodySymbol;

export interface VariationEffects {
  /** The term's last day as varied; null when no applied variation moved it. */
  readonly termEnd: number | null;
  /** The variation that last moved the term's end. */
  readonly termChangedBy: VariationModel | null;
  /** Each move of the term's end, in order of effect, with the new last day. */
  readonly termMoves: readonly { readonly day: number; readonly by: VariationModel; readonly extended: boolean }[];
  readonly ended: ReadonlyMap<Ended, Ending>;
  readonly returned: readonly ReturnedScope[];
  /** `ends` and `returns` lines that matched nothing in force or yet to come on the effective date (P802). */
  readonly unmatched: ReadonlySet<VariationChange['node']>;
  /** Variations that take effect after the term, as it stood, ended (P803), with that last day: they change nothing. */
  readonly late: ReadonlyMap<VariationModel, number>;
  /** The variations applied, in order of effect. */
  readonly applied: readonly VariationModel[];
}

export const NO_EFFECTS: VariationEffects = {
  termEnd: null, termChangedBy: null, termMoves: [], ended: new Map(), returned: [], unmatched: new Set(), late: new Map(), applied: [],
};

/**
 * The effects of `variations` (every variation of the partnership of `model`, in any order) on
 * it. A variation without a valid effective or agreed date (P801) changes nothing; neither
 * does one that takes effect after the term as it stood ended (P803). `normOf` finds the model
 * of a norm a variation ends by name (by default, by a pass over the model's norms).
 */
export function applyVariations(model: FileModel, variations: readonly VariationModel[], normOf: (symbol: NormSymbol) => NormModel | undefined = normsIn(model, variations)): VariationEffects {
  if (variations.length === 0 || !model.term) return NO_EFFECTS;
  const ordered = variations.filter((v) => v.effectiveDay !== null).sort(byEffect);
  if (ordered.length === 0) return NO_EFFECTS;
  let termEnd = model.term.to;
  let termChangedBy: VariationModel | null = null;
  const termMoves: { day: number; by: VariationModel; extended: boolean }[] = [];
  const ended = new Map<Ended, Ending>();
  const returned: ReturnedScope[] = [];
  const unmatched = new Set<VariationChange['node']>();
  const late = new Map<VariationModel, number>();
  const applied: VariationModel[] = [];
  // Whether something with this period is still in force, or yet to come, on `day`.
  const inForce = (to: number, thing: Ended | null, day: number): boolean => {
    const end = thing ? ended.get(thing) : undefined;
    return Math.min(to, end ? end.day : Infinity) >= day;
  };
  const periodEnd = (g: Grant): number => (g.endsWithTerm ? termEnd : g.period!.to);
  for (const v of ordered) {
    const effective = v.effectiveDay!;
    if (effective > termEnd) {
      late.set(v, termEnd);
      continue;
    }
    applied.push(v);
    const last = effective - 1;
    const end = (thing: Ended): void => {
      const before = ended.get(thing);
      if (!before || before.day > last) ended.set(thing, { day: last, by: v });
    };
    for (const change of v.changes) {
      let matched = false;
      switch (change.kind) {
        case 'ends-exclusive':
          for (const g of model.grants) {
            if (g.holder !== change.holder || g.scope !== change.scope || !g.period) continue;
            if (inForce(periodEnd(g), g, effective)) matched = true;
            end(g);
          }
          break;
        case 'ends-open':
          for (const o of model.opens) {
            if (o.scope !== change.scope) continue;
            if (inForce(termEnd, o, effective)) matched = true;
            end(o);
          }
          break;
        case 'ends':
          matched = inForce(lastDayOf(change.target, model, termEnd, normOf), change.target, effective);
          end(change.target);
          break;
        case 'returns': {
          for (const g of model.grants) {
            if (!g.period || !(isWithin(change.scope, g.scope) || isWithin(g.scope, change.scope))) continue;
            if (inForce(periodEnd(g), g, effective)) matched = true;
            if (isWithin(g.scope, change.scope)) end(g);
          }
          for (const o of model.opens) {
            if (!isWithin(o.scope, change.scope)) continue;
            if (inForce(termEnd, o, effective)) matched = true;
            end(o);
          }
          for (const n of model.norms) {
            const within = (n.objectScope && isWithin(n.objectScope, change.scope)) || (n.scopeLine && isWithin(n.scopeLine, change.scope));
            if (!within || !n.period) continue;
            if (inForce(n.followsExpiry === 'end' ? termEnd : n.period.to, n.symbol, effective)) matched = true;
            end(n.symbol);
          }
          returned.push({ scope: change.scope, day: last, by: v });
          break;
        }
      }
      if (!matched) unmatched.add(change.node);
    }
    const to = validEndDay(v.termTo);
    if (to !== null) {
      if (to !== termEnd) termMoves.push({ day: to, by: v, extended: to > termEnd });
      termEnd = to;
      termChangedBy = v;
    }
  }
  return { termEnd: termChangedBy ? termEnd : null, termChangedBy, termMoves, ended, returned, unmatched, late, applied };
}

/** The norms `variations` end by name, found in one pass over the model's norms when first asked for. */
function normsIn(model: FileModel, variations: readonly VariationModel[]): (symbol: NormSymbol) => NormModel | undefined {
  let norms: Map<NormSymbol, NormModel> | undefined;
  return (symbol) => {
    if (!norms) {
      const named = new Set(endedNorms(variations));
      norms = new Map();
      for (let i = 0; i < model.norms.length; i++) if (named.has(model.norms.at(i).symbol)) norms.set(model.norms.at(i).symbol, model.norms.at(i));
    }
    return norms.get(symbol);
  };
}

/** The norms that `variations` end by name. */
export function endedNorms(variations: readonly VariationModel[]): readonly NormSymbol[] {
  return readingOf(variations).ended;
}

/** Whether a variation returns a scope: its effects then read every norm of the model. */
export function returnsScopes(variations: readonly VariationModel[]): boolean {
  return readingOf(variations).returns;
}

/**
 * What the effects of a list of variations read of the norms, worked out once per list: a
 * file's list of variations is the same list from edit to edit while no variation changes.
 */
const readings = new WeakMap<readonly VariationModel[], { readonly ended: readonly NormSymbol[]; readonly returns: boolean }>();

function readingOf(variations: readonly VariationModel[]): { readonly ended: readonly NormSymbol[]; readonly returns: boolean } {
  let reading = readings.get(variations);
  if (!reading) {
    const ended: NormSymbol[] = [];
    for (const v of variations) for (const c of v.changes) if (c.kind === 'ends' && c.target.kind === 'norm') ended.push(c.target);
    readings.set(variations, (reading = { ended, returns: variations.some((v) => v.changes.some((c) => c.kind === 'returns')) }));
  }
  return reading;
}

/** In order of effect; variations taking effect on one day in the order of their files (the sort keeps the text's order within one). */
function byEffect(a: VariationModel, b: VariationModel): number {
  return a.effectiveDay! - b.effectiveDay! || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** The last day a declaration is in force, for P802: KPIs and bodies for the whole term, a charge while it has amounts, a norm its period. */
function lastDayOf(target: NormSymbol | KpiSymbol | ChargeSymbol | BodySymbol, model: FileModel, termEnd: number, normOf: (s: NormSymbol) => NormModel | undefined): number {
  if (target.kind === 'norm') {
    const norm = normOf(target);
    if (!norm?.period) return termEnd;
    return norm.followsExpiry === 'end' ? termEnd : norm.period.to;
  }
  if (target.kind === 'charge') {
    // A charge is in force until its last amount's `until`, or to the end of the term.
    const charge = model.charges.find((c) => c.symbol === target);
    if (!charge || charge.amounts.length === 0 || charge.amounts.some((a) => !a.until)) return termEnd;
    return Math.max(...charge.amounts.map((a) => validEndDay(a.until) ?? termEnd));
  }
  return termEnd;
}

/**
 * Whether two effects change periods alike: the term's end, the last day of each thing ended,
 * the scopes returned and when. Which variation did it is left out: that is all a period as
 * varied (model/varied.ts) reads, so a variation's title or clause edited changes no period.
 */
export function samePeriods(a: VariationEffects, b: VariationEffects): boolean {
  if (a === b) return true;
  if (a.termEnd !== b.termEnd || a.ended.size !== b.ended.size || a.returned.length !== b.returned.length) return false;
  for (const [thing, ending] of a.ended) if (b.ended.get(thing)?.day !== ending.day) return false;
  for (let i = 0; i < a.returned.length; i++) if (a.returned[i].scope !== b.returned[i].scope || a.returned[i].day !== b.returned[i].day) return false;
  return true;
}

/** Whether two effects say the same: what ended on which day by which variation, and the term's end. */
export function sameEffects(a: VariationEffects, b: VariationEffects): boolean {
  if (a === b) return true;
  if (a.termEnd !== b.termEnd || a.termChangedBy?.symbol !== b.termChangedBy?.symbol || a.ended.size !== b.ended.size) return false;
  if (a.termMoves.length !== b.termMoves.length || a.termMoves.some((m, i) => m.day !== b.termMoves[i].day || m.by !== b.termMoves[i].by)) return false;
  if (a.returned.length !== b.returned.length || a.unmatched.size !== b.unmatched.size || a.late.size !== b.late.size) return false;
  if (a.applied.length !== b.applied.length || a.applied.some((v, i) => v !== b.applied[i])) return false;
  for (const [thing, ending] of a.ended) {
    const other = b.ended.get(thing);
    if (!other || other.day !== ending.day || other.by !== ending.by) return false;
  }
  for (let i = 0; i < a.returned.length; i++) {
    const x = a.returned[i];
    const y = b.returned[i];
    if (x.scope !== y.scope || x.day !== y.day || x.by !== y.by) return false;
  }
  for (const node of a.unmatched) if (!b.unmatched.has(node)) return false;
  for (const [v, day] of a.late) if (b.late.get(v) !== day) return false;
  return true;
}
