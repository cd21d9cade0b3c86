// Increasing offsets (where each unit of a partnership starts) that an edit moves in part. An
// edit inside one unit moves the start of every unit after it; with the starts in fixed-size
// chunks, each read plus its chunk's shift, the move copies the one chunk holding the edited
// unit and the list of shifts, and shares every other chunk with the offsets before it. The
// line index (text/line-index.ts) keeps line starts the same way, in chunks that an edit may
// also split. Nothing here is changed once made; the chunks are plain lists, which an analysis
// can freeze, as its tests do.

import { lastAtOrBefore } from './sorted-search';

const CHUNK_BITS = 9;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

export class ChunkedOffsets {
  private constructor(
    /** Every chunk but the last holds `CHUNK` offsets; offset `i` is `chunks[c][k] + shifts[c]`. */
    private readonly chunks: readonly (readonly number[])[],
    private readonly shifts: readonly number[],
    /** Each chunk's first offset, shift added: where a search starts. */
    private readonly firsts: readonly number[],
    readonly length: number,
  ) {}

  static of(offsets: readonly number[]): ChunkedOffsets {
    const chunks: number[][] = [];
    for (let i = 0; i < offsets.length; i += CHUNK) chunks.push(offsets.slice(i, i + CHUNK));
    return new ChunkedOffsets(chunks, chunks.map(() => 0), chunks.map((c) => c[0]), offsets.length);
  }

  /** The offset at place `i`, or undefined when `i` is not a place (as an array's `[i]`). */
  at(i: number): number {
    const c = i >> CHUNK_BITS;
    const chunk = this.chunks[c] as readonly number[] | undefined;
    return (chunk && i >= 0 && (i & IN_CHUNK) < chunk.length ? chunk[i & IN_CHUNK] + this.shifts[c] : undefined) as number;
  }

  /** These offsets with every one after place `place` moved by `delta` (which must keep them in order). */
  movedAfter(place: number, delta: number): ChunkedOffsets {
    if (delta === 0 || place >= this.length - 1) return this;
    const c = Math.max(0, place + 1) >> CHUNK_BITS;
    const chunks = this.chunks.slice();
    const shifts = this.shifts.slice();
    const firsts = this.firsts.slice();
    const own = chunks[c].slice();
    for (let k = place + 1 - (c << CHUNK_BITS); k < own.length; k++) own[k] += delta;
    chunks[c] = own;
    firsts[c] = own[0] + shifts[c];
    for (let later = c + 1; later < chunks.length; later++) {
      shifts[later] += delta;
      firsts[later] += delta;
    }
    return new ChunkedOffsets(chunks, shifts, firsts, this.length);
  }

  /**
   * These offsets with the `removed` from place `at` replaced by `inserted`, and every later one
   * moved by `delta` (which must keep them in order).
   */
  spliced(at: number, removed: number, inserted: readonly number[], delta: number): ChunkedOffsets {
    const all = this.toArray();
    for (let i = at + removed; i < all.length; i++) all[i] += delta;
    all.splice(at, removed, ...inserted);
    return ChunkedOffsets.of(all);
  }

  /** The last place whose offset is at or before `offset`, or -1 when none is. */
  lastAtOrBefore(offset: number): number {
    const c = lastAtOrBefore(this.firsts, offset);
    if (c < 0) return -1;
    return (c << CHUNK_BITS) + lastAtOrBefore(this.chunks[c], offset - this.shifts[c]);
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
