// Increasing offsets (where each unit of a partnership starts) that an edit moves in part. An
// edit inside one unit moves the start of every unit after it; with the starts in fixed-size
// chunks, each read plus its chunk's shift, the move copies the one chunk holding the edited
// unit and the list of shifts, and shares every other chunk with the offsets before it. The
// line index (text/line-index.ts) keeps line starts the same way, in chunks that an edit may
// also split. An edit that adds or removes units remakes only the chunks around it, which are
// then of other sizes (chunk-splice.ts). Nothing here is changed once made; the chunks are
// plain lists, which an analysis can freeze, as its tests do.

import { CHUNK, CHUNK_BITS, IN_CHUNK, recut, startsOf } from './chunk-splice';
import { lastAtOrBefore } from './sorted-search';

export class ChunkedOffsets {
  private constructor(
    /** Offset `i` is `chunks[c][k] + shifts[c]`, `k` its place in chunk `c`. */
    private readonly chunks: readonly (readonly number[])[],
    private readonly shifts: readonly number[],
    /** Each chunk's first offset, shift added: where a search starts. */
    private readonly firsts: readonly number[],
    readonly length: number,
    /** Where each chunk starts; null while every chunk but the last holds `CHUNK` offsets. */
    private readonly starts: readonly number[] | null = null,
  ) {}

  static of(offsets: readonly number[]): ChunkedOffsets {
    const chunks: number[][] = [];
    for (let i = 0; i < offsets.length; i += CHUNK) chunks.push(offsets.slice(i, i + CHUNK));
    return new ChunkedOffsets(chunks, chunks.map(() => 0), chunks.map((c) => c[0]), offsets.length);
  }

  /** The chunk that holds place `i` (0 <= i < length). */
  private chunkOf(i: number): number {
    return this.starts === null ? i >> CHUNK_BITS : lastAtOrBefore(this.starts, i);
  }

  /** The place of chunk `c`'s first offset. */
  private startOf(c: number): number {
    return this.starts === null ? c << CHUNK_BITS : this.starts[c];
  }

  /** The offset at place `i`, or undefined when `i` is not a place (as an array's `[i]`). */
  at(i: number): number {
    if (this.starts === null) {
      const c = i >> CHUNK_BITS;
      const chunk = this.chunks[c] as readonly number[] | undefined;
      return (chunk && i >= 0 && (i & IN_CHUNK) < chunk.length ? chunk[i & IN_CHUNK] + this.shifts[c] : undefined) as number;
    }
    if (!(i >= 0 && i < this.length)) return undefined as unknown as number;
    const c = lastAtOrBefore(this.starts, i);
    return this.chunks[c][i - this.starts[c]] + this.shifts[c];
  }

  /** These offsets with every one after place `place` moved by `delta` (which must keep them in order). */
  movedAfter(place: number, delta: number): ChunkedOffsets {
    if (delta === 0 || place >= this.length - 1) return this;
    const c = this.chunkOf(Math.max(0, place + 1));
    const chunks = this.chunks.slice();
    const shifts = this.shifts.slice();
    const firsts = this.firsts.slice();
    const own = chunks[c].slice();
    for (let k = place + 1 - this.startOf(c); k < own.length; k++) own[k] += delta;
    chunks[c] = own;
    firsts[c] = own[0] + shifts[c];
    for (let later = c + 1; later < chunks.length; later++) {
      shifts[later] += delta;
      firsts[later] += delta;
    }
    return new ChunkedOffsets(chunks, shifts, firsts, this.length, this.starts);
  }

  /**
   * These offsets with the `removed` from place `at` replaced by `inserted`, and every later one
   * moved by `delta` (which must keep them in order). Only the chunks holding the removed
   * offsets (or place `at`) are made anew; every later chunk keeps its offsets, its shift moved.
   */
  spliced(at: number, removed: number, inserted: readonly number[], delta: number): ChunkedOffsets {
    if (!(at >= 0 && removed >= 0 && at + removed <= this.length)) throw new RangeError(`No places ${at} to ${at + removed} among ${this.length} offsets`);
    if (this.length === 0) return ChunkedOffsets.of(inserted);
    const first = at === this.length ? this.chunks.length - 1 : this.chunkOf(at);
    const last = removed > 0 ? this.chunkOf(at + removed - 1) : first;
    const absolute = (c: number): number[] => this.chunks[c].map((offset) => offset + this.shifts[c]);
    const { middle, next } = recut(this.chunks.length, absolute, first, last, at - this.startOf(first), removed, inserted, (offset) => offset + delta);
    const chunks = [...this.chunks.slice(0, first), ...middle, ...this.chunks.slice(next)];
    const shifts = [...this.shifts.slice(0, first), ...middle.map(() => 0), ...this.shifts.slice(next).map((shift) => shift + delta)];
    const firsts = chunks.map((chunk, c) => chunk[0] + shifts[c]);
    return new ChunkedOffsets(chunks, shifts, firsts, this.length - removed + inserted.length, startsOf(chunks));
  }

  /** The last place whose offset is at or before `offset`, or -1 when none is. */
  lastAtOrBefore(offset: number): number {
    const c = lastAtOrBefore(this.firsts, offset);
    if (c < 0) return -1;
    return this.startOf(c) + lastAtOrBefore(this.chunks[c], offset - this.shifts[c]);
  }

  toArray(): number[] {
    const out = new Array<number>(this.length);
    for (let c = 0, i = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      const shift = this.shifts[c];
      for (let k = 0; k < chunk.length; k++, i++) out[i] = chunk[k] + shift;
    }
    return out;
  }

  toJSON(): number[] {
    return this.toArray();
  }
}
