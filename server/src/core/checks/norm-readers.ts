// The readers of each lookup among a file's norm checks. A 50,000-norm contract's norm checks
// make some 300,000 reads of fewer than 2,000 lookups and keys (a duty's norms, a scope's
// grants, a party's groups; the variations' effects, which every norm reads, are read once for
// the file, see checks/run.ts). Indexed by lookup and key, with the value seen and
// the places of the norms that read it, an edit confirms each key once and re-checks only the
// norms that read a key whose value changed. The index is carried from edit to edit with the
// re-checked norms' places moved, never rebuilt, and never changed once made.

import type { Facts, Lookup, Read } from '../facts/engine';
import type { NormModel } from '../model/semantic';

/** What the checks of one norm found and looked up (see checks/run.ts). */
export interface NormResultReads {
  readonly norm: NormModel;
  readonly reads: readonly Read[];
}

type AnyLookup = Read['lookup'];

/** One lookup and key: the value its readers saw (all equal), and their places in increasing order. */
interface Readers {
  readonly value: unknown;
  readonly places: readonly number[];
}

type ReaderIndex = ReadonlyMap<AnyLookup, ReadonlyMap<unknown, Readers>>;

const indexes = new WeakMap<readonly NormResultReads[], ReaderIndex>();

function indexOf(results: readonly NormResultReads[]): ReaderIndex {
  let index = indexes.get(results);
  if (!index) {
    const built = new Map<AnyLookup, Map<unknown, { value: unknown; places: number[] }>>();
    for (let i = 0; i < results.length; i++) {
      const reads = results[i].reads;
      for (let r = 0; r < reads.length; r++) {
        const read = reads[r];
        let byKey = built.get(read.lookup);
        if (!byKey) built.set(read.lookup, (byKey = new Map()));
        const readers = byKey.get(read.key);
        // A norm may read one key twice; its place is listed once.
        if (!readers) byKey.set(read.key, { value: read.value, places: [i] });
        else if (readers.places[readers.places.length - 1] !== i) readers.places.push(i);
      }
    }
    indexes.set(results, (index = built));
  }
  return index;
}

/** The places of the norms of `results` one of whose lookups no longer gives the value it gave. */
export function staleReaders<I>(facts: Facts<I>, results: readonly NormResultReads[]): Set<number> {
  const stale = new Set<number>();
  for (const [lookup, byKey] of indexOf(results)) {
    for (const [key, readers] of byKey) {
      const now = facts.read(lookup as Lookup<I, unknown, unknown>, key);
      if (now === readers.value || lookup.equals(now, readers.value)) continue;
      for (const place of readers.places) stale.add(place);
    }
  }
  return stale;
}

/**
 * Gives `after` (the results of `before` with those at `places` made again, the norms standing
 * place for place) the index of `before` with those places' reads replaced, when `before` has one.
 */
export function carryReaders(before: readonly NormResultReads[], after: readonly NormResultReads[], places: readonly number[]): void {
  const earlier = indexes.get(before);
  if (!earlier || indexes.has(after) || before.length !== after.length) return;
  const index = new Map<AnyLookup, Map<unknown, Readers>>();
  const byKeyOf = (lookup: AnyLookup): Map<unknown, Readers> => {
    let byKey = index.get(lookup);
    if (!byKey) index.set(lookup, (byKey = new Map(earlier.get(lookup))));
    return byKey;
  };
  // Each key a re-made result read, or its earlier result read: its readers, moved.
  const moved = new Map<AnyLookup, Map<unknown, { value: unknown; places: number[] }>>();
  const touch = (read: Read): { value: unknown; places: number[] } => {
    let byKey = moved.get(read.lookup);
    if (!byKey) moved.set(read.lookup, (byKey = new Map()));
    let readers = byKey.get(read.key);
    if (!readers) {
      const then = earlier.get(read.lookup)?.get(read.key);
      byKey.set(read.key, (readers = { value: then?.value ?? read.value, places: then ? then.places.slice() : [] }));
    }
    return readers;
  };
  // A key may have tens of thousands of readers (a party's groups, read by each of its norms):
  // a place is found in its sorted list by halving.
  for (const place of places) {
    for (const read of before[place].reads) {
      const list = touch(read).places;
      const at = firstAtLeast(list, place);
      if (list[at] === place) list.splice(at, 1);
    }
  }
  for (const place of places) {
    for (const read of after[place].reads) {
      const readers = touch(read);
      // The value a re-made check saw is the value now; every other reader saw an equal one.
      readers.value = read.value;
      const at = firstAtLeast(readers.places, place);
      if (readers.places[at] !== place) readers.places.splice(at, 0, place);
    }
  }
  for (const [lookup, keys] of earlier) if (!moved.has(lookup)) index.set(lookup, keys as Map<unknown, Readers>);
  for (const [lookup, keys] of moved) {
    const byKey = byKeyOf(lookup);
    for (const [key, readers] of keys) {
      if (readers.places.length === 0) byKey.delete(key);
      else byKey.set(key, readers);
    }
  }
  indexes.set(after, index);
}

/** The index of the first item of the sorted `list` that is at least `place` (its length when none is). */
function firstAtLeast(list: readonly number[], place: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle] < place) low = middle + 1;
    else high = middle;
  }
  return low;
}
