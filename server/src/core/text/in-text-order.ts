// Lists of things in the order of the text they were read from (statements, norms, declarations)
// are searched by halving on their offsets: a large contract holds tens of thousands of them.

/** The place of the first item that starts at or after `offset` (the list's length if none does). */
export function firstStartingFrom<T>(list: readonly T[], startOf: (item: T) => number, offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startOf(list[middle]) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
