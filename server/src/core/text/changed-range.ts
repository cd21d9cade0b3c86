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
  /**
   * The new text from `from` to `newTo`, when the editor said what it put there (one edit):
   * then the text around one edit can be made without reading the whole new text.
   */
  readonly inserted?: string;
}

/** Block sizes, largest first: long runs of equal text in few comparisons, then finer. */
const BLOCKS = [65536, 2048, 64];

export function changedRange(old: string, text: string): ChangedRange {
  const shortest = Math.min(old.length, text.length);
  const from = commonPrefixLength(old, text);

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

/** How many characters two texts have in common from their start. */
export function commonPrefixLength(old: string, text: string): number {
  const shortest = Math.min(old.length, text.length);
  let from = 0;
  for (const block of BLOCKS) {
    while (from + block <= shortest && old.startsWith(text.slice(from, from + block), from)) from += block;
  }
  while (from < shortest && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  return from;
}

/**
 * The change from the first text to the third, given the change from the first to the second
 * and from the second to the third: it covers both, so it may include unchanged text between
 * them. An editor reports each edit, so the changes since the last parse need no comparison.
 */
export function composeChanges(first: ChangedRange, second: ChangedRange): ChangedRange {
  // The end of the stretch both cover, in the middle text: past it, the first change moved
  // text by its delta and the second by its own.
  const end = Math.max(first.newTo, second.oldTo);
  return {
    from: Math.min(first.from, second.from),
    oldTo: end - first.newTo + first.oldTo,
    newTo: end - second.oldTo + second.newTo,
  };
}

/** Whether `change` can describe an edit from `old` to `text`: in bounds and of the right length. */
export function fitsTexts(change: ChangedRange, old: string, text: string): boolean {
  return (
    Number.isInteger(change.from) && Number.isInteger(change.oldTo) && Number.isInteger(change.newTo) &&
    change.from >= 0 && change.from <= change.oldTo && change.from <= change.newTo &&
    change.oldTo <= old.length && change.newTo <= text.length &&
    old.length - change.oldTo === text.length - change.newTo
  );
}
