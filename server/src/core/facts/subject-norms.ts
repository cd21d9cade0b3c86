// A party's norms, in the order of the text, carried over an edit: the list of the file's
// earlier contributions with the norms the edit replaced put where they stood, those it
// removed taken out and those it added put in at their places, so that a pasted obligation
// costs a search of its subject's list, not a pass over every norm of the file. What is derived
// from the list (its duties, the scopes and work it names) is carried with it.

import type { PartySymbol } from '../binding/symbols';
import type { NormModel } from '../model/semantic';
import type { ChangedUnit } from './changed-units';
import { carryDutyIndex, carryNamedWork, carryScopesNamed, insertInOrder, type NormPair, type NormPlace } from './duty-index';

/**
 * `list` (the norms of `subject` before the edit, none when undefined) with `changes` applied;
 * null when a norm is not where it should be or a place is not known: gather the list again.
 */
export function carriedSubjectNorms(list: readonly NormModel[] | undefined, changes: readonly ChangedUnit[], subject: PartySymbol, placeOf: NormPlace): NormModel[] | null {
  const pairs: NormPair[] = [];
  for (const { then, now } of changes) {
    const thenOf = then?.meaning?.kind === 'norm' && then.meaning.value.subjects.includes(subject) ? then.meaning.value : null;
    const nowOf = now?.meaning?.kind === 'norm' && now.meaning.value.subjects.includes(subject) ? now.meaning.value : null;
    if (thenOf || nowOf) pairs.push([thenOf, nowOf]);
  }
  const earlier = list ?? [];
  let out: NormModel[];
  const replaced = pairs.filter(([then, now]) => then && now);
  // A few norms are found by searching; many, by one pass over the list.
  if (replaced.length <= 16) {
    out = earlier.slice();
    for (const [then, now] of replaced) {
      const at = out.indexOf(then!);
      if (at < 0) return null;
      out[at] = now!;
    }
  } else {
    const swap = new Map(replaced as [NormModel, NormModel][]);
    let found = 0;
    out = earlier.map((norm) => {
      const now = swap.get(norm);
      if (now === undefined) return norm;
      found++;
      return now;
    });
    if (found !== swap.size) return null;
  }
  // Those removed first: a unit at the edge of a re-parsed stretch may be removed and added again.
  for (const [then, now] of pairs) {
    if (now) continue;
    const at = out.indexOf(then!);
    if (at < 0) return null;
    out.splice(at, 1);
  }
  for (const [then, now] of pairs) if (!then && !insertInOrder(out, now!, placeOf)) return null;
  if (list) {
    carryDutyIndex(list, out, pairs, placeOf);
    carryScopesNamed(list, out, pairs);
    carryNamedWork(list, out, pairs);
  }
  return out;
}
