// Where each unit of a partnership starts, for placing what was found inside a unit (a
// diagnostic, a symbol's name) in the document. Worked out once per tree, on first need.

import type { PartnershipBlock, Unit } from './ast';

const startsOf = new WeakMap<PartnershipBlock, ReadonlyMap<Unit, number>>();

export function unitStarts(block: PartnershipBlock): ReadonlyMap<Unit, number> {
  let starts = startsOf.get(block);
  if (!starts) {
    const map = new Map<Unit, number>();
    for (let i = 0; i < block.units.length; i++) map.set(block.units[i], block.starts[i]);
    startsOf.set(block, (starts = map));
  }
  return starts;
}

/** The place of the unit that contains `offset` (its last unit starting at or before it), or -1. */
export function unitIndexAt(block: PartnershipBlock, offset: number): number {
  const starts = block.starts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
