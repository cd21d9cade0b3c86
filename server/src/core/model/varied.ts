// Periods as varied: a partnership's grants, norms and term read through the effects of its
// variations (model/variations.ts). Defaults that take the term's end follow the new end; what
// a variation ended stops the day before it takes effect; a grant over a scope that contains a
// returned scope no longer covers it from then. The varied grants and models are kept by the
// effects' identity, so an analysis whose effects are the previous one's sees the very same
// copies; a norm's copy is read at its place in the varied model.

import { isWithin } from '../binding/symbols';
import type { Period } from '../values/dates';
import { carriedFromModel, normChangeSince } from './carried-models';
import { ChunkedList } from '../values/chunked-list';
import { countBack } from './norm-meaning';
import type { FileModel, Grant, NormModel } from './semantic';
import { NO_EFFECTS, type VariationEffects } from './variations';

const grantCopies = new WeakMap<VariationEffects, WeakMap<Grant, readonly Grant[]>>();
const modelCopies = new WeakMap<VariationEffects, WeakMap<FileModel, FileModel>>();

function cached<K extends object, V>(store: WeakMap<VariationEffects, WeakMap<K, V>>, effects: VariationEffects, key: K, make: () => V): V {
  let byKey = store.get(effects);
  if (!byKey) store.set(effects, (byKey = new WeakMap()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = make()));
  return value;
}

/** A grant as varied: itself, shortened, or in two parts around the day a scope inside it was returned. */
export function variedGrants(grant: Grant, effects: VariationEffects): readonly Grant[] {
  if (effects === NO_EFFECTS || !grant.period) return [grant];
  return cached(grantCopies, effects, grant, () => {
    let to = grant.endsWithTerm && effects.termEnd !== null ? effects.termEnd : grant.period!.to;
    const ending = effects.ended.get(grant);
    if (ending) to = Math.min(to, ending.day);
    let parts: Grant[] = [withPeriod(grant, { from: grant.period!.from, to })];
    for (const r of effects.returned) {
      if (r.scope === grant.scope || !isWithin(r.scope, grant.scope)) continue;
      parts = parts.flatMap((p) => {
        if (!p.period || p.period.to <= r.day) return [p];
        const before = p.period.from <= r.day ? [withPeriod(p, { from: p.period.from, to: r.day })] : [];
        return [...before, { ...p, carveOuts: [...p.carveOuts, r.scope], period: { from: Math.max(p.period.from, r.day + 1), to: p.period.to } }];
      });
    }
    return parts.length === 1 && samePeriod(parts[0].period, grant.period) && parts[0].carveOuts === grant.carveOuts ? [grant] : parts;
  });
}

/** A grant's days as varied, from its first part's first day to its last part's last: what a reader is told. */
export function variedSpan(grant: Grant, effects: VariationEffects): Period | null {
  const parts = variedGrants(grant, effects);
  const first = parts[0].period;
  const last = parts[parts.length - 1].period;
  return first && last ? { from: first.from, to: last.to } : grant.period;
}

/**
 * A norm's period as varied: it follows the term's new end, and stops where a variation ended
 * it. The norm's own period when no variation changes it.
 */
export function variedPeriod(norm: NormModel, effects: VariationEffects, model: FileModel): Period | null {
  if (effects === NO_EFFECTS || !norm.period) return norm.period;
  let { from, to } = norm.period;
  if (effects.termEnd !== null) {
    if (norm.followsExpiry === 'end') to = effects.termEnd;
    else if (norm.followsExpiry === 'deadline' && norm.deadline?.node.duration) {
      const day = countBack(effects.termEnd, norm.deadline.node.duration, model.calendar);
      if (day !== null) {
        from = from === to ? day : from;
        to = day;
      }
    }
  }
  const ending = effects.ended.get(norm.symbol);
  if (ending) to = Math.min(to, ending.day);
  // By index: this runs for every norm as a contract opens.
  const returned = effects.returned;
  for (let i = 0; i < returned.length; i++) {
    const r = returned[i];
    const within = (norm.objectScope && isWithin(norm.objectScope, r.scope)) || (norm.scopeLine && isWithin(norm.scopeLine, r.scope));
    if (within) to = Math.min(to, r.day);
  }
  return from === norm.period.from && to === norm.period.to ? norm.period : { from, to };
}

/**
 * A norm as varied: itself when no variation changes its period, else a copy with the varied
 * period. Not kept: the varied model (`variedModel`) holds each norm's copy at the norm's place,
 * and is kept by the effects, so a reader that needs the same copy each time reads it there.
 */
function variedNorm(norm: NormModel, effects: VariationEffects, model: FileModel): NormModel {
  const period = variedPeriod(norm, effects, model);
  return period === norm.period ? norm : norm.withPeriod(period);
}

/**
 * A file's model with its term, grants and norms as varied: what the checks of periods read.
 * A model carried from one whose copy under the same effects exists takes that copy's term and
 * grants when its own are the same, and its norms with only the replaced and spliced places
 * varied again.
 */
export function variedModel(model: FileModel, effects: VariationEffects): FileModel {
  if (effects === NO_EFFECTS) return model;
  return cached(modelCopies, effects, model, () => {
    const earlier = carriedFromModel(model);
    const before = earlier && modelCopies.get(effects)?.get(earlier);
    const change = earlier && normChangeSince(model, earlier);
    if (before && change && earlier.term === model.term && earlier.grants === model.grants) {
      const vary = (i: number): NormModel => variedNorm(model.norms.at(i), effects, model);
      const s = change.splice;
      const spliced = s ? before.norms.spliced(s.at, s.removed, Array.from({ length: s.inserted }, (_, k) => vary(s.at + k))) : before.norms;
      return { ...model, term: before.term, grants: before.grants, norms: spliced.replaced(change.replaced, vary) };
    }
    return {
      ...model,
      term: model.term && effects.termEnd !== null ? { from: model.term.from, to: effects.termEnd } : model.term,
      grants: model.grants.flatMap((g) => variedGrants(g, effects)),
      norms: ChunkedList.made(model.norms.length, (i) => variedNorm(model.norms.at(i), effects, model)),
    };
  });
}

function withPeriod(grant: Grant, period: Period): Grant {
  return samePeriod(period, grant.period) ? grant : { ...grant, period };
}

function samePeriod(a: Period | null, b: Period | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}
