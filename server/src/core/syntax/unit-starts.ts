// Where each unit of a partnership starts, for placing what was found inside a unit (a
// diagnostic, a symbol's name) in the document.

import type { PartnershipBlock, Unit } from './ast';
import type { ChunkedList } from '../values/chunked-list';

/**
 * Each unit's last known place in a block's list. An edit inside one unit keeps every other
 * unit at its place, so the place a unit had is nearly always its place now: a start is found
 * without indexing the block's units, which would cost every unit on every edit.
 */
const placeOf = new WeakMap<Unit, number>();
/** Blocks whose units were all given their places here. */
const indexed = new WeakSet<PartnershipBlock>();

/** Records the place a re-parsed unit takes in its block's list. */
export function notePlace(unit: Unit, place: number): void {
  placeOf.set(unit, place);
}

/** Where `unit` starts in the document of `block`, or undefined when it is not one of its units. */
export function unitStart(block: PartnershipBlock, unit: Unit): number | undefined {
  const place = unitPlace(block, unit);
  return place === undefined ? undefined : block.starts.at(place);
}

/** The place of `unit` in the list of `block`'s units, or undefined when it is not one of them. */
export function unitPlace(block: PartnershipBlock, unit: Unit): number | undefined {
  const known = placeOf.get(unit);
  if (known !== undefined && block.units.at(known) === unit) return known;
  // A unit's place is given by the last block indexed that holds it: an older block asked
  // after a newer one was indexed is searched (rarely: only the newest analysis places things).
  if (indexed.has(block)) {
    const place = block.units.indexOf(unit);
    return place < 0 ? undefined : place;
  }
  block.units.forEach((u, i) => placeOf.set(u, i));
  indexed.add(block);
  const place = placeOf.get(unit);
  return place !== undefined && block.units.at(place) === unit ? place : undefined;
}

/** The place of the unit that contains `offset` (its last unit starting at or before it), or -1. */
export function unitIndexAt(block: PartnershipBlock, offset: number): number {
  return block.starts.lastAtOrBefore(offset);
}

/** For a list of units made by re-parsing some units of another: that list and the places replaced. */
const reparsedFrom = new WeakMap<ChunkedList<Unit>, { readonly before: ChunkedList<Unit>; readonly places: readonly number[] }>();

/** Records that `after` is `before` with the units at `places` replaced (an incremental parse). */
export function noteReplaced(before: ChunkedList<Unit>, after: ChunkedList<Unit>, places: readonly number[]): void {
  reparsedFrom.set(after, { before, places });
}

/**
 * The places, in order, whose unit differs between two lists of units, or null when their
 * lengths differ. A list an incremental parse made from the other says so without a comparison
 * of every place, so an edit inside one unit costs the same in a large file as in a small one.
 */
export function replacedPlaces(before: ChunkedList<Unit>, after: ChunkedList<Unit>): readonly number[] | null {
  if (before.length !== after.length) return null;
  if (before === after) return NONE;
  const known = reparsedFrom.get(after);
  if (known?.before === before) return known.places;
  const places: number[] = [];
  after.forEach((unit, i) => {
    if (unit !== before.at(i)) places.push(i);
  });
  return places;
}

const NONE: readonly never[] = [];

/** For each list of units, the places of the units of each set of kinds asked about, by the kinds joined. */
const placesByKinds = new WeakMap<ChunkedList<Unit>, Map<string, readonly number[]>>();

/**
 * The places, in order, of the units whose statement is of one of `kinds` (`Term`, `Event`,
 * `Norm`). An incremental parse keeps every unit's kind (it parses the whole document when an
 * edit changes one), so a list it made from another takes the other's places as they are, once
 * the replaced places are seen to keep their kinds: a file check that visits the units of a few
 * kinds, or a statement most contracts lack (`calendar`), costs no search of every unit at
 * every edit.
 */
export function placesOfKinds(units: ChunkedList<Unit>, kinds: readonly string[]): readonly number[] {
  const key = kinds.join(' ');
  let known = placesByKinds.get(units);
  const hit = known?.get(key);
  if (hit) return hit;
  const places = carriedPlaces(units, key) ?? searchedPlaces(units, kinds);
  if (!known) placesByKinds.set(units, (known = new Map()));
  known.set(key, places);
  return places;
}

export function placesOfKind(units: ChunkedList<Unit>, kind: string): readonly number[] {
  return placesOfKinds(units, [kind]);
}

/** The place of the first unit whose statement is of `kind`, or -1. */
export function firstPlaceOfKind(units: ChunkedList<Unit>, kind: string): number {
  return placesOfKind(units, kind)[0] ?? -1;
}

function searchedPlaces(units: ChunkedList<Unit>, kinds: readonly string[]): readonly number[] {
  const places: number[] = [];
  units.forEach((unit, i) => {
    if (kinds.includes(unit.node.kind)) places.push(i);
  });
  return places.length === 0 ? NONE : places;
}

/** The places of the list `units` was made from, when every replaced unit kept its kind; else undefined. */
function carriedPlaces(units: ChunkedList<Unit>, key: string): readonly number[] | undefined {
  const from = reparsedFrom.get(units);
  const before = from && placesByKinds.get(from.before)?.get(key);
  if (!from || !before) return undefined;
  for (const place of from.places) if (units.at(place).node.kind !== from.before.at(place).node.kind) return undefined;
  return before;
}
