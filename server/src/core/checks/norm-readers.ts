// The readers of each lookup among a file's norm checks. A 50,000-norm contract's norm checks
// make some 300,000 reads of fewer than 2,000 lookups and keys (a duty's norms, a scope's
// grants, a party's groups; the variations' effects, which every norm reads, are read once for
// the file, see checks/run.ts). Indexed by lookup and key, with the value seen and
// the places of the norms that read it, an edit confirms each key once and re-checks only the
// norms that read a key whose value changed. The index is carried from edit to edit with the
// re-checked norms' places moved (and, when norms were added or removed, every later place),
// never rebuilt, and never changed once made.

import type { Facts, Lookup, Read } from '../facts/engine';
import { type NormChange, normPlaceBefore, type NormSplice } from '../model/carried-models';
import type { NormModel } from '../model/semantic';
import type { ChunkedList } from '../values/chunked-list';
import { finished } from '../values/steps';

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

const indexes = new WeakMap<ChunkedList<NormResultReads>, ReaderIndex>();

function indexOf(results: ChunkedList<NormResultReads>): ReaderIndex {
  return finished(indexReaders(results));
}

/** How many norms' results one step of `indexReaders` reads: a few milliseconds' work at most. */
const NORMS_A_STEP = 4096;

/** Whether the readers of each lookup of these results are indexed already. */
export function hasReaderIndex(results: ChunkedList<NormResultReads>): boolean {
  return indexes.has(results);
}

/**
 * The index of the readers of `results`, kept once made. Made a stretch of norms at a time,
 * yielding between stretches, so that a server can make it while nobody types
 * (`Analysis.workAhead`) rather than at the first edit after a contract opens.
 */
export function* indexReaders(results: ChunkedList<NormResultReads>): Generator<void, ReaderIndex, void> {
  const known = indexes.get(results);
  if (known) return known;
  const built = new Map<AnyLookup, Map<unknown, { value: unknown; places: number[] }>>();
  for (let from = 0; from < results.length; from += NORMS_A_STEP) {
    if (from > 0) yield;
    for (let i = from, to = Math.min(results.length, from + NORMS_A_STEP); i < to; i++) {
      const reads = results.at(i).reads;
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
  }
  // Made meanwhile by an analysis, while this waited between steps: that one is kept.
  const index = indexes.get(results) ?? built;
  indexes.set(results, index);
  return index;
}

/** The places of the norms of `results` one of whose lookups no longer gives the value it gave. */
export function staleReaders<I>(facts: Facts<I>, results: ChunkedList<NormResultReads>): Set<number> {
  const stale = new Set<number>();
  for (const [lookup, byKey] of indexOf(results)) {
    for (const [key, readers] of byKey) {
      // Each key's value is the one its readers saw (or equal to it) in the previous analysis.
      if (facts.unchangedBy(lookup as Lookup<I, unknown, unknown>, key)) continue;
      const now = facts.read(lookup as Lookup<I, unknown, unknown>, key);
      if (now === readers.value || lookup.equals(now, readers.value)) continue;
      for (const place of readers.places) stale.add(place);
    }
  }
  return stale;
}

/**
 * Gives `after` (the results of `before` changed as `change` says, with those at `places`, its
 * own places, made again) the index of `before` with those places' reads replaced, when
 * `before` has one. A norm checked again nearly always reads the keys it read before: those
 * keys keep their list of places (a key may have tens of thousands of readers, a party's groups
 * read by each of its norms), and a lookup none of whose keys changed keeps its whole table.
 * Norms added or removed move every later place: each list is then moved past the splice.
 */
export function carryReaders(before: ChunkedList<NormResultReads>, after: ChunkedList<NormResultReads>, places: readonly number[], change: NormChange): void {
  const earlier = indexes.get(before);
  const splice = change.splice;
  if (!earlier || indexes.has(after) || before.length + (splice ? splice.inserted - splice.removed : 0) !== after.length) return;
  // For each key a re-made result read, or its earlier result read: the places (now) that
  // stopped reading it, those that started, and the value seen now.
  interface Moves { value: unknown; readonly gone: number[]; readonly come: number[] }
  const moves = new Map<AnyLookup, Map<unknown, Moves>>();
  const movesOf = (read: Read): Moves => {
    let byKey = moves.get(read.lookup);
    if (!byKey) moves.set(read.lookup, (byKey = new Map()));
    let m = byKey.get(read.key);
    if (!m) byKey.set(read.key, (m = { value: earlier.get(read.lookup)?.get(read.key)?.value ?? read.value, gone: [], come: [] }));
    return m;
  };
  for (const place of places) {
    const was = normPlaceBefore(change, place);
    const then = was >= 0 ? keysRead(before.at(was).reads) : NO_READS;
    const now = keysRead(after.at(place).reads);
    for (const read of then) if (!readsKey(now, read)) movesOf(read).gone.push(place);
    for (const read of now) {
      const m = movesOf(read);
      // The value a re-made check saw is the value now; every other reader saw an equal one.
      m.value = read.value;
      if (!readsKey(then, read)) m.come.push(place);
    }
  }
  let index: Map<AnyLookup, ReadonlyMap<unknown, Readers>> | undefined;
  // Spliced, every table's lists move; otherwise only the tables of the keys that changed.
  const lookups = splice ? new Set([...earlier.keys(), ...moves.keys()]) : moves.keys();
  for (const lookup of lookups) {
    const table = earlier.get(lookup);
    const keys = moves.get(lookup);
    let byKey: Map<unknown, Readers> | undefined;
    // The lists made here, which `moved` may change rather than copy again.
    const madeHere = new Set<readonly number[]>();
    if (splice && table) {
      for (const [key, was] of table) {
        const places = shifted(was.places, splice);
        if (places === was.places) continue;
        madeHere.add(places);
        byKey ??= new Map(table);
        if (places.length === 0) byKey.delete(key);
        else byKey.set(key, { value: was.value, places });
      }
    }
    for (const [key, m] of keys ?? []) {
      const was = (byKey ?? table)?.get(key);
      if (was && was.value === m.value && m.gone.length === 0 && m.come.length === 0) continue;
      const readers = { value: m.value, places: was ? moved(was.places, m.gone, m.come, madeHere.has(was.places)) : m.come.sort((a, b) => a - b) };
      byKey ??= new Map(table);
      if (readers.places.length === 0) byKey.delete(key);
      else byKey.set(key, readers);
    }
    if (byKey) (index ??= new Map(earlier)).set(lookup, byKey);
  }
  indexes.set(after, index ?? earlier);
}

const NO_READS: readonly Read[] = [];

/** `places` (in increasing order) moved past `splice`: those it removed left out, those after it moved. */
function shifted(places: readonly number[], splice: NormSplice): readonly number[] {
  const from = firstAtLeast(places, splice.at);
  if (from === places.length) return places;
  const after = firstAtLeast(places, splice.at + splice.removed);
  const by = splice.inserted - splice.removed;
  // Made at its length: some lists hold every norm of a party.
  const out = new Array<number>(from + places.length - after);
  for (let k = 0; k < from; k++) out[k] = places[k];
  for (let k = after, j = from; k < places.length; k++, j++) out[j] = places[k] + by;
  return out;
}

/** The reads of one norm, each lookup and key once. */
function keysRead(reads: readonly Read[]): readonly Read[] {
  return reads.filter((read, i) => reads.findIndex((r) => r.lookup === read.lookup && r.key === read.key) === i);
}

function readsKey(reads: readonly Read[], read: Read): boolean {
  return reads.some((r) => r.lookup === read.lookup && r.key === read.key);
}

/** `places` (in increasing order) without those `gone` and with those that `come`; changed where it is when `mine`, a list made for the result. */
function moved(places: readonly number[], gone: readonly number[], come: readonly number[], mine = false): readonly number[] {
  if (gone.length === 0 && come.length === 0) return places;
  const list = mine ? (places as number[]) : places.slice();
  for (const place of gone) {
    const at = firstAtLeast(list, place);
    if (list[at] === place) list.splice(at, 1);
  }
  for (const place of come) {
    const at = firstAtLeast(list, place);
    if (list[at] !== place) list.splice(at, 0, place);
  }
  return list;
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
