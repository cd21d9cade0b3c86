// Where two versions of a text differ: the common prefix and suffix, compared a block at a time
// (the engine compares a block far faster than a loop compares characters), then to the
// character within the first block that differs.

export interface ChangedRange {
  /** First offset that differs (the same in both texts). */
  readonly from: number;
  /** End of the changed stretch in the old text. */
  readonly oldTo: number;
  /** End of the changed stretch in the new text. */
  readonly newTo: number;
}

const BLOCK = 2048;

export function changedRange(old: string, text: string): ChangedRange {
  const shortest = Math.min(old.length, text.length);
  let from = 0;
  while (from + BLOCK <= shortest && old.startsWith(text.slice(from, from + BLOCK), from)) from += BLOCK;
  while (from < shortest && old.charCodeAt(from) === text.charCodeAt(from)) from++;

  const room = shortest - from;
  let suffix = 0;
  while (suffix + BLOCK <= room && old.endsWith(text.slice(text.length - suffix - BLOCK, text.length - suffix), old.length - suffix)) {
    suffix += BLOCK;
  }
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { from, oldTo: old.length - suffix, newTo: text.length - suffix };
}
