// What the two chunked lists (chunked-list.ts, chunked-offsets.ts) share: their chunks' size,
// and how a splice remakes the few chunks it touches. The chunks from the one holding the
// splice's first place to the one holding its last removed entry are joined, spliced and cut
// again; a chunk left small is joined to the next, so that deletions do not leave many small
// chunks, and one grown past twice a chunk's size is cut into full chunks. Every other chunk
// stays as it was, so the lists' chunks are no longer all of one size: where each starts is
// then kept beside them, and a place's chunk found by a binary search (a relaxed radix list).

/** Entries per chunk: a power of two, so that a place's chunk is a shift away while every chunk is full. */
export const CHUNK_BITS = 9;
export const CHUNK = 1 << CHUNK_BITS;
export const IN_CHUNK = CHUNK - 1;

/** The chunks a splice made, and the first chunk after them that it left as it was. */
export interface Recut<T> {
  readonly middle: T[][];
  readonly next: number;
}

/**
 * The chunks `first` to `last` of `count` chunks (each as `entries(c)` gives it) joined, with
 * the `removed` entries from `offset` (counted from chunk `first`'s start) replaced by
 * `inserted`, and every entry after those passed through `after` (offsets move by the splice's
 * change in length); then joined to the next chunk when small, and cut again when large.
 */
export function recut<T>(
  count: number,
  entries: (c: number) => readonly T[],
  first: number,
  last: number,
  offset: number,
  removed: number,
  inserted: readonly T[],
  after: (entry: T) => T = (entry) => entry,
): Recut<T> {
  const joined: T[] = [];
  for (let c = first; c <= last; c++) for (const entry of entries(c)) joined.push(entry);
  const tail = joined.splice(offset + removed);
  joined.length = offset;
  for (const entry of inserted) joined.push(entry);
  for (const entry of tail) joined.push(after(entry));
  let next = last + 1;
  if (joined.length < CHUNK >> 2 && next < count) for (const entry of entries(next++)) joined.push(after(entry));
  const middle: T[][] = [];
  if (joined.length <= 2 * CHUNK) {
    if (joined.length > 0) middle.push(joined);
  } else {
    for (let i = 0; i < joined.length; i += CHUNK) middle.push(joined.slice(i, i + CHUNK));
  }
  return { middle, next };
}

/**
 * Where each chunk starts; null when every chunk but the last is full and the last no fuller,
 * so that a place's chunk is a shift away.
 */
export function startsOf(chunks: readonly (readonly unknown[])[]): number[] | null {
  let regular = chunks.length === 0 || chunks[chunks.length - 1].length <= CHUNK;
  for (let c = 0; c < chunks.length - 1 && regular; c++) regular = chunks[c].length === CHUNK;
  if (regular) return null;
  const starts = new Array<number>(chunks.length);
  for (let c = 0, at = 0; c < chunks.length; at += chunks[c].length, c++) starts[c] = at;
  return starts;
}
