// A party's norms by duty: by verb, then by object (a scope, or a quoted object ignoring case
// and runs of white space). Built once per list of norms; a list made from another by
// replacing a few norms carries the other's index with only those norms' duties changed, so
// every duty an edit did not touch keeps its very list. The same holds for the scopes and the
// work a party's norms name.

import type { ScopeSymbol } from '../binding/symbols';
import type { NormModel } from '../model/semantic';
import type { ModalValue } from '../syntax/ast';
import type { Period } from '../values/dates';

type DutyIndex = ReadonlyMap<string, ReadonlyMap<ScopeSymbol | string, readonly NormModel[]>>;

const indexes = new WeakMap<readonly NormModel[], DutyIndex>();

export function dutyIndex(norms: readonly NormModel[]): DutyIndex {
  let index = indexes.get(norms);
  if (!index) {
    const built = new Map<string, Map<ScopeSymbol | string, NormModel[]>>();
    for (let i = 0; i < norms.length; i++) {
      const n = norms[i];
      const object = dutyObject(n);
      if (!n.verb || object === undefined) continue;
      let byObject = built.get(n.verb);
      if (!byObject) built.set(n.verb, (byObject = new Map()));
      const list = byObject.get(object);
      if (list) list.push(n);
      else byObject.set(object, [n]);
    }
    indexes.set(norms, (index = built));
  }
  return index;
}

/**
 * Gives `list` (made from `earlier` by putting each `after` where its `before` stood) the index
 * of `earlier` with only the duties of those norms changed, when `earlier` has one.
 */
export function carryDutyIndex(earlier: readonly NormModel[], list: readonly NormModel[], replaced: readonly (readonly [NormModel, NormModel])[]): void {
  const before = indexes.get(earlier);
  if (!before || indexes.has(list)) return;
  const index = new Map(before);
  const copied = new Set<string>();
  const byObjectOf = (verb: string): Map<ScopeSymbol | string, readonly NormModel[]> => {
    if (!copied.has(verb)) {
      copied.add(verb);
      index.set(verb, new Map(index.get(verb)));
    }
    return index.get(verb) as Map<ScopeSymbol | string, readonly NormModel[]>;
  };
  for (const [then, now] of replaced) {
    const [thenObject, nowObject] = [dutyObject(then), dutyObject(now)];
    // A norm that keeps its duty keeps its place in the duty's list.
    if (then.verb && now.verb && then.verb === now.verb && thenObject !== undefined && thenObject === nowObject) {
      const byObject = byObjectOf(now.verb);
      const duties = byObject.get(nowObject)!.slice();
      const at = duties.indexOf(then);
      if (at < 0) return;
      duties[at] = now;
      byObject.set(nowObject, duties);
      continue;
    }
    // Another duty: the index is built afresh from the list when first asked for.
    return;
  }
  indexes.set(list, index);
}

const named = new WeakMap<readonly NormModel[], ReadonlySet<ScopeSymbol>>();

/** The scopes some norms name, as their object or `scope` line. */
export function scopesNamed(norms: readonly NormModel[]): ReadonlySet<ScopeSymbol> {
  let scopes = named.get(norms);
  if (!scopes) {
    const built = new Set<ScopeSymbol>();
    for (let i = 0; i < norms.length; i++) {
      if (norms[i].objectScope) built.add(norms[i].objectScope!);
      if (norms[i].scopeLine) built.add(norms[i].scopeLine!);
    }
    named.set(norms, (scopes = built));
  }
  return scopes;
}

/** Gives `list` the scopes `earlier` names when each replaced norm names the scopes it did. */
export function carryScopesNamed(earlier: readonly NormModel[], list: readonly NormModel[], replaced: readonly (readonly [NormModel, NormModel])[]): void {
  const scopes = named.get(earlier);
  if (!scopes || named.has(list)) return;
  if (replaced.every(([then, now]) => then.objectScope === now.objectScope && then.scopeLine === now.scopeLine)) named.set(list, scopes);
}

/** A scope that a `must` or `may` norm names (as its object or `scope` line), on the days it applies. */
export interface NamedWork {
  readonly scope: ScopeSymbol;
  readonly period: Period;
}

const namedWorkOf = new WeakMap<readonly NormModel[], readonly NamedWork[]>();

/** The work that some norms name, with their periods: the same list for the same norms. */
export function namedWork(norms: readonly NormModel[]): readonly NamedWork[] {
  let work = namedWorkOf.get(norms);
  if (!work) {
    const built: NamedWork[] = [];
    for (let i = 0; i < norms.length; i++) {
      const n = norms[i];
      if (!namesWork(n)) continue;
      if (n.objectScope) built.push({ scope: n.objectScope, period: n.period! });
      if (n.scopeLine && n.scopeLine !== n.objectScope) built.push({ scope: n.scopeLine, period: n.period! });
    }
    namedWorkOf.set(norms, (work = built));
  }
  return work;
}

function namesWork(n: NormModel): boolean {
  return (n.modal === 'must' || n.modal === 'may') && n.period !== null;
}

/** Gives `list` the work `earlier` names when each replaced norm names the work it did, on the same days. */
export function carryNamedWork(earlier: readonly NormModel[], list: readonly NormModel[], replaced: readonly (readonly [NormModel, NormModel])[]): void {
  const work = namedWorkOf.get(earlier);
  if (!work || namedWorkOf.has(list)) return;
  const same = (a: NormModel, b: NormModel): boolean =>
    namesWork(a) === namesWork(b) && (!namesWork(a) || (a.objectScope === b.objectScope && a.scopeLine === b.scopeLine && a.period!.from === b.period!.from && a.period!.to === b.period!.to));
  if (replaced.every(([then, now]) => same(then, now))) namedWorkOf.set(list, work);
}

/** Normalised quoted objects by norm: a norm an edit did not touch keeps its model, so its key. */
const quotedObjects = new WeakMap<NormModel, string>();

/** A norm's object as a duty sees it: the scope, or the quoted text ignoring case and runs of white space. */
export function dutyObject(norm: NormModel): ScopeSymbol | string | undefined {
  if (norm.objectScope) return norm.objectScope;
  if (norm.objectText === null) return undefined;
  let key = quotedObjects.get(norm);
  if (key === undefined) quotedObjects.set(norm, (key = norm.objectText.trim().replace(/\s+/g, ' ').toLowerCase()));
  return key;
}

const NONE: readonly NormModel[] = [];
/** Long lists of norms with one duty, by modal. */
const byModal = new WeakMap<readonly NormModel[], Map<ModalValue, NormModel[]>>();

/**
 * The norms of `list` with `modal`. A duty may be shared by thousands of norms (a quoted
 * object such as "monthly service report"); their list is split by modal once, rather than
 * searched again for each modal.
 */
export function withModal(list: readonly NormModel[], modal: ModalValue): readonly NormModel[] {
  if (list.length <= 8) {
    let found: NormModel[] | undefined;
    for (let i = 0; i < list.length; i++) if (list[i].modal === modal) (found ??= []).push(list[i]);
    return found ?? NONE;
  }
  let split = byModal.get(list);
  if (!split) {
    split = new Map();
    for (const n of list) {
      if (!n.modal) continue;
      const same = split.get(n.modal);
      if (same) same.push(n);
      else split.set(n.modal, [n]);
    }
    byModal.set(list, split);
  }
  return split.get(modal) ?? NONE;
}
