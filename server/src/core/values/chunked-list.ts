// Lists that an edit copies in part. A large contract keeps several lists with one entry per
// unit or per norm (the units, their resolutions and meanings, the checks' findings), and an
// edit replaces a handful of entries in each. Copying a list of 50,000 costs as much as the
// rest of the edit, so these lists are persistent vectors (as in Clojure or Scala): chunks, and
// a list made from another by replacing some entries copies the chunks that hold them and
// shares every other chunk. A list made by a whole pass has chunks of one size, found by a
// shift; one an edit spliced (units added or removed) has chunks of other sizes near the
// splice, found by a binary search over where each starts (a relaxed radix list, in the same
// spirit). Nothing here is changed once made.

import { CHUNK, CHUNK_BITS, IN_CHUNK, recut, startsOf } from './chunk-splice';
import { lastAtOrBefore } from './sorted-search';

export interface ListBuilder<T> {
  push(item: T): void;
  /** The list of the entries pushed; nothing may be pushed after. */
  finish(): ChunkedList<T>;
}

export class ChunkedList<T> implements Iterable<T> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    readonly length: number,
    /**
     * Where each chunk starts, when the chunks are not all full: a splice that adds or removes
     * entries changes the size of the chunks it touches rather than moving every later entry
     * into a chunk of its own. Null when every chunk but the last holds `CHUNK` entries, so
     * that a place's chunk is a shift away.
     */
    private readonly starts: readonly number[] | null = null,
  ) {}

  static of<T>(items: readonly T[]): ChunkedList<T> {
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
    return new ChunkedList(chunks, items.length);
  }

  /** The list of `length` entries, the `i`th made by `make(i)` in order. */
  static made<T>(length: number, make: (i: number) => T): ChunkedList<T> {
    const list = ChunkedList.builder<T>();
    for (let i = 0; i < length; i++) list.push(make(i));
    return list.finish();
  }

  /**
   * A list filled an entry at a time, made without an array of every entry first: an array as
   * long as a large contract is made outside the young generation, and stays until the
   * collector's next full pass.
   */
  static builder<T>(): ListBuilder<T> {
    const chunks: T[][] = [];
    let length = 0;
    return {
      push(item: T): void {
        if ((length & IN_CHUNK) === 0) chunks.push([]);
        chunks[chunks.length - 1].push(item);
        length++;
      },
      finish: () => new ChunkedList(chunks, length),
    };
  }

  static empty<T>(): ChunkedList<T> {
    return EMPTY as ChunkedList<T>;
  }

  /** The chunk that holds place `i` (0 <= i < length). */
  private chunkOf(i: number): number {
    return this.starts === null ? i >> CHUNK_BITS : lastAtOrBefore(this.starts, i);
  }

  /** The place of chunk `c`'s first entry. */
  private startOf(c: number): number {
    return this.starts === null ? c << CHUNK_BITS : this.starts[c];
  }

  /** The entry at `i`, or undefined when `i` is not a place of the list (as an array's `[i]`). */
  at(i: number): T {
    if (this.starts === null) return (this.chunks[i >> CHUNK_BITS] as readonly T[] | undefined)?.[i & IN_CHUNK] as T;
    if (!(i >= 0 && i < this.length)) return undefined as T;
    const c = lastAtOrBefore(this.starts, i);
    return this.chunks[c][i - this.starts[c]];
  }

  /**
   * This list with the entry at each of `places` made by `make(place, k)`, `k` being the
   * place's index in `places`. The chunks holding no replaced entry are shared with this list;
   * when every entry made is the one it replaces, this list itself is the answer.
   */
  replaced(places: readonly number[], make: (place: number, k: number) => T): ChunkedList<T> {
    let chunks: (readonly T[])[] | undefined;
    for (let k = 0; k < places.length; k++) {
      const place = places[k];
      if (!(place >= 0 && place < this.length)) throw new RangeError(`No place ${place} in a list of ${this.length}`);
      const value = make(place, k);
      const c = this.chunkOf(place);
      const inChunk = place - this.startOf(c);
      const chunk = (chunks ?? this.chunks)[c];
      if (chunk[inChunk] === value) continue;
      chunks ??= this.chunks.slice();
      // A chunk still this list's own is copied before its first change.
      if (chunks[c] === this.chunks[c]) chunks[c] = chunk.slice();
      (chunks[c] as T[])[inChunk] = value;
    }
    return chunks ? new ChunkedList(chunks, this.length, this.starts) : this;
  }

  /**
   * This list with the `removed` entries from place `at` replaced by `inserted`. Only the
   * chunks that hold the removed entries (or the place `at`) are made anew, with the inserted
   * entries in them, and split when they grow past twice a chunk's size; every other chunk is
   * shared, so a splice costs the chunks it touches and the list of chunks, not a copy of every
   * entry after it.
   */
  spliced(at: number, removed: number, inserted: readonly T[]): ChunkedList<T> {
    if (!(at >= 0 && removed >= 0 && at + removed <= this.length)) throw new RangeError(`No places ${at} to ${at + removed} in a list of ${this.length}`);
    if (inserted.length === removed) return this.replaced(inserted.map((_, k) => at + k), (_place, k) => inserted[k]);
    if (this.length === 0) return ChunkedList.of(inserted);
    // The chunks from the one holding `at` (the last, for an entry added at the end) to the one
    // holding the last entry removed are made anew.
    const first = at === this.length ? this.chunks.length - 1 : this.chunkOf(at);
    const last = removed > 0 ? this.chunkOf(at + removed - 1) : first;
    const { middle, next } = recut(this.chunks.length, (c) => this.chunks[c], first, last, at - this.startOf(first), removed, inserted);
    const chunks = [...this.chunks.slice(0, first), ...middle, ...this.chunks.slice(next)];
    return new ChunkedList(chunks, this.length - removed + inserted.length, startsOf(chunks));
  }

  [Symbol.iterator](): Iterator<T> {
    // An iterator of its own rather than a generator: `for … of` over a model's norms runs
    // in every check of a file and every matrix row.
    const chunks = this.chunks;
    let c = 0;
    let k = 0;
    return {
      next(): IteratorResult<T> {
        while (c < chunks.length) {
          const chunk = chunks[c];
          if (k < chunk.length) return { value: chunk[k++], done: false };
          c++;
          k = 0;
        }
        return { value: undefined, done: true };
      },
    };
  }

  forEach(visit: (item: T, i: number) => void): void {
    for (let c = 0, i = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      for (let k = 0; k < chunk.length; k++, i++) visit(chunk[k], i);
    }
  }

  map<U>(make: (item: T, i: number) => U): U[] {
    const out = new Array<U>(this.length);
    this.forEach((item, i) => (out[i] = make(item, i)));
    return out;
  }

  flatMap<U>(make: (item: T, i: number) => U | readonly U[]): U[] {
    return this.toArray().flatMap(make);
  }

  filter(keep: (item: T, i: number) => boolean): T[] {
    const out: T[] = [];
    this.forEach((item, i) => {
      if (keep(item, i)) out.push(item);
    });
    return out;
  }

  findIndex(test: (item: T, i: number) => boolean): number {
    for (let c = 0, i = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      for (let k = 0; k < chunk.length; k++, i++) if (test(chunk[k], i)) return i;
    }
    return -1;
  }

  find(test: (item: T, i: number) => boolean): T | undefined {
    const i = this.findIndex(test);
    return i < 0 ? undefined : this.at(i);
  }

  some(test: (item: T, i: number) => boolean): boolean {
    return this.findIndex(test) >= 0;
  }

  every(test: (item: T, i: number) => boolean): boolean {
    return this.findIndex((item, i) => !test(item, i)) < 0;
  }

  /** The first place of `item` at or after `from` (a place before the start is the start), else -1. */
  indexOf(item: T, from = 0): number {
    const start = Math.max(0, from);
    if (start >= this.length) return -1;
    const first = this.chunkOf(start);
    for (let c = first; c < this.chunks.length; c++) {
      const chunkStart = this.startOf(c);
      const k = this.chunks[c].indexOf(item, c === first ? start - chunkStart : 0);
      if (k >= 0) return chunkStart + k;
    }
    return -1;
  }

  /** The entries as one array, made anew: for the readers that need an array. */
  toArray(): T[] {
    return ([] as T[]).concat(...this.chunks);
  }

  /** In JSON (the exported tree, the tests' snapshots) a list is an array. */
  toJSON(): T[] {
    return this.toArray();
  }
}

const EMPTY = ChunkedList.of<never>([]);
