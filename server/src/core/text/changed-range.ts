// Where two versions of a text differ: the common prefix and suffix, compared in large blocks,
// then smaller ones (the engine compares a block far faster than a loop compares characters),
// then to the character within the last block that differs.

export interface ChangedRange {
  /** First offset that differs (the same in both texts). */
  readonly from: number;
  /** End of the changed stretch in the old text. */
  readonly oldTo: number;
  /** End of the changed stretch in the new text. */
  readonly newTo: number;
}

/** Block sizes, largest first: long runs of equal text in few comparisons, then finer. */
const BLOCKS = [65536, 2048, 64];

export function changedRange(old: string, text: string): ChangedRange {
  const shortest = Math.min(old.length, text.length);
  let from = 0;
  for (const block of BLOCKS) {
    while (from + block <= shortest && old.startsWith(text.slice(from, from + block), from)) from += block;
  }
  while (from < shortest && old.charCodeAt(from) === text.charCodeAt(from)) from++;

  const room = shortest - from;
  let suffix = 0;
  for (const block of BLOCKS) {
    while (suffix + block <= room && old.endsWith(text.slice(text.length - suffix - block, text.length - suffix), old.length - suffix)) {
      suffix += block;
    }
  }
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { from, oldTo: old.length - suffix, newTo: text.length - suffix };
}
