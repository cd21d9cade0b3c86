// A party's norms by duty: by verb, then by object (a scope, or a quoted object ignoring case
// and runs of white space). Built once per list of norms; a list made from another by
// replacing, adding or removing a few norms carries the other's index with only those norms'
// duties changed, so every duty an edit did not touch keeps its very list. The same holds for
// the scopes and the work a party's norms name.

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

/** A norm as an edit changed it: before and after, null on the side where it is not in the list (added or removed). */
export type NormPair = readonly [NormModel | null, NormModel | null];

/** Where a norm stands in the text, to keep lists in its order; undefined when not known without a search. */
export type NormPlace = (norm: NormModel) => number | undefined;

/**
 * Gives `list` (made from `earlier` by the changes `pairs`: each norm replaced where it stood,
 * removed, or added in the order of the text) the index of `earlier` with only the duties of
 * those norms changed, when `earlier` has one.
 */
export function carryDutyIndex(earlier: readonly NormModel[], list: readonly NormModel[], pairs: readonly NormPair[], placeOf: NormPlace): void {
  const before = indexes.get(earlier);
  if (!before || indexes.has(list)) return;
  const index = new Map(before);
  const copied = new Set<readonly NormModel[]>();
  // The duty's list, copied once for this edit, in a copy of its verb's table.
  const dutiesOf = (verb: string, object: ScopeSymbol | string): NormModel[] => {
    let byObject = index.get(verb) as Map<ScopeSymbol | string, readonly NormModel[]> | undefined;
    if (byObject === before.get(verb)) index.set(verb, (byObject = new Map(byObject)));
    let duties = byObject!.get(object) ?? [];
    if (!copied.has(duties)) {
      duties = duties.slice();
      copied.add(duties);
      byObject!.set(object, duties);
    }
    return duties as NormModel[];
  };
  const added: NormModel[] = [];
  for (const [then, now] of pairs) {
    const [thenObject, nowObject] = [then && dutyObject(then), now && dutyObject(now)];
    // A norm that keeps its duty keeps its place in the duty's list.
    if (then?.verb && now?.verb && then.verb === now.verb && thenObject !== undefined && thenObject === nowObject) {
      const duties = dutiesOf(now.verb, nowObject!);
      const at = duties.indexOf(then);
      if (at < 0) return;
      duties[at] = now;
      continue;
    }
    if (then?.verb && thenObject != null) {
      const duties = dutiesOf(then.verb, thenObject);
      const at = duties.indexOf(then);
      if (at < 0) return;
      duties.splice(at, 1);
    }
    if (now?.verb && nowObject != null) added.push(now);
  }
  for (const norm of added) if (!insertInOrder(dutiesOf(norm.verb!, dutyObject(norm)!), norm, placeOf)) return;
  // A duty left without norms is no entry, as in an index built afresh.
  for (const [verb, byObject] of index) {
    if (byObject === before.get(verb)) continue;
    const table = byObject as Map<ScopeSymbol | string, readonly NormModel[]>;
    for (const [object, duties] of table) if (duties.length === 0) table.delete(object);
    if (table.size === 0) index.delete(verb);
  }
  indexes.set(list, index);
}

/** Puts `norm` into `list` (in the order of the text) where its place says; false when a place is not known. */
export function insertInOrder(list: NormModel[], norm: NormModel, placeOf: NormPlace): boolean {
  const place = placeOf(norm);
  if (place === undefined) return false;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = placeOf(list[middle]);
    if (at === undefined) return false;
    if (at < place) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, norm);
  return true;
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

/**
 * Gives `list` the scopes `earlier` names when the changes leave them as they were: each
 * replaced norm names the scopes it did, a removed one names none, an added one none new.
 */
export function carryScopesNamed(earlier: readonly NormModel[], list: readonly NormModel[], pairs: readonly NormPair[]): void {
  const scopes = named.get(earlier);
  if (!scopes || named.has(list)) return;
  const keeps = ([then, now]: NormPair): boolean => {
    if (then && now) return then.objectScope === now.objectScope && then.scopeLine === now.scopeLine;
    if (then) return !then.objectScope && !then.scopeLine;
    return (!now!.objectScope || scopes.has(now!.objectScope)) && (!now!.scopeLine || scopes.has(now!.scopeLine));
  };
  if (pairs.every(keeps)) named.set(list, scopes);
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

/**
 * Gives `list` the work `earlier` names when the changes leave it as it was: each replaced norm
 * names the work it did, on the same days; a removed or added one names none.
 */
export function carryNamedWork(earlier: readonly NormModel[], list: readonly NormModel[], pairs: readonly NormPair[]): void {
  const work = namedWorkOf.get(earlier);
  if (!work || namedWorkOf.has(list)) return;
  const none = (n: NormModel): boolean => !namesWork(n) || (!n.objectScope && !n.scopeLine);
  const same = (a: NormModel, b: NormModel): boolean =>
    namesWork(a) === namesWork(b) && (!namesWork(a) || (a.objectScope === b.objectScope && a.scopeLine === b.scopeLine && a.period!.from === b.period!.from && a.period!.to === b.period!.to));
  if (pairs.every(([then, now]) => (then && now ? same(then, now) : none((then ?? now)!)))) namedWorkOf.set(list, work);
}

/** Normalised quoted objects by norm: a norm an edit did not touch keeps its model, so its key. */
const quotedObjects = new WeakMap<NormModel, string>();

/** A norm's object as a duty sees it: the scope, or the quoted text ignoring case and runs of white space. */
export function dutyObject(norm: NormModel): ScopeSymbol | string | undefined {
  if (norm.objectScope) return norm.objectScope;
  const text = norm.objectText;
  if (text === null) return undefined;
  // Most quoted objects are written as a duty compares them: their text is their key, and no
  // table keyed by every norm is filled.
  if (isNormalised(text)) return text;
  let key = quotedObjects.get(norm);
  if (key === undefined) quotedObjects.set(norm, (key = normalisedObject(text)));
  return key;
}

/** Quoted text as a duty compares it: in lowercase, with each run of white space one space, none at the ends. */
export const normalisedObject = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Whether `text` is its own `normalisedObject`: printable ASCII without capitals, words
 * separated by single spaces, none at the ends. Any other character (white space other than a
 * space, a letter beyond ASCII whose lowercase may differ) takes the long way.
 */
export function isNormalised(text: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (c < 0x21 || c > 0x7e || (c >= 0x41 && c <= 0x5a)) return false;
    else afterSpace = false;
  }
  return !afterSpace;
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
