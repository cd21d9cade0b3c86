// Binary search over numbers in increasing order: where a line, a piece of text or a unit
// starts, looked up by offset.

/** The index of the last item of `sorted` that is at most `value`, or -1 when none is. */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
