// Where each unit of a partnership starts, for placing what was found inside a unit (a
// diagnostic, a symbol's name) in the document.

import type { PartnershipBlock, Unit } from './ast';
import type { ChunkedList } from '../values/chunked-list';
import { earlierPlace, laterPlace, type Splice } from '../values/splice';

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

/**
 * The place `unit` was last known to have, or where the edits since moved it, when that is its
 * place in `block`; undefined otherwise, without searching or indexing the block's units.
 */
export function knownUnitPlace(block: PartnershipBlock, unit: Unit): number | undefined {
  return knownPlaceIn(block.units, unit);
}

/** As `knownUnitPlace`, in a list of units. */
export function knownPlaceIn(units: ChunkedList<Unit>, unit: Unit): number | undefined {
  const known = placeOf.get(unit);
  if (known === undefined) return undefined;
  if (units.at(known) === unit) return known;
  // A unit after an edit that added or removed units: its place moved with the edits since.
  const moved = movedPlace(units, unit, known);
  if (moved !== undefined) placeOf.set(unit, moved);
  return moved;
}

/** How many units of one kind `unitPlace` looks through one by one. */
const FEW_OF_A_KIND = 64;

/** The place of `unit` in the list of `block`'s units, or undefined when it is not one of them. */
export function unitPlace(block: PartnershipBlock, unit: Unit): number | undefined {
  const known = knownUnitPlace(block, unit);
  if (known !== undefined) return known;
  // A unit of a kind the block holds few of (a grant, the term, a KPI) is looked for among the
  // places of its kind, which the checks have listed as the contract opened, rather than by
  // indexing every unit: a contract's first diagnostics point at such units.
  const ofKind = placesOfKind(block.units, unit.node.kind);
  if (ofKind.length <= FEW_OF_A_KIND) {
    for (let k = 0; k < ofKind.length; k++) {
      if (block.units.at(ofKind[k]) !== unit) continue;
      placeOf.set(unit, ofKind[k]);
      return ofKind[k];
    }
    return undefined;
  }
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

/**
 * How a list of units was made from another by an incremental parse: the `removed` units from
 * place `at` of `before` replaced by `inserted` units, every other unit `before`'s own, those
 * after the stretch moved by `inserted - removed` places.
 */
interface RecordedSplice extends Splice {
  readonly before: ChunkedList<Unit>;
}

const splices = new WeakMap<ChunkedList<Unit>, RecordedSplice>();

/** How many edits back a unit's last known place is followed before the list is searched instead. */
const FOLLOWED_EDITS = 16;

/**
 * Records that `after` is `before` with the `removed` units from place `at` replaced by
 * `inserted` units (an incremental parse). Only the last few splices are followed
 * (`movedPlace`): the list before them forgets the one it came from, so that a long editing
 * session does not keep every list of units it made alive.
 */
export function noteSpliced(before: ChunkedList<Unit>, after: ChunkedList<Unit>, at: number, removed: number, inserted: number): void {
  splices.set(after, { before, at, removed, inserted });
  let list = after;
  for (let k = 0; k < FOLLOWED_EDITS; k++) {
    const splice = splices.get(list);
    if (!splice) return;
    list = splice.before;
  }
  splices.delete(list);
}

/**
 * Where a unit last known at `known`, in some list this one was spliced from, stands now: each
 * of the edits since, oldest first, moves it; the list it was known in is not recorded, so
 * each of the last few is tried in turn.
 */
function movedPlace(units: ChunkedList<Unit>, unit: Unit, known: number): number | undefined {
  const chain: RecordedSplice[] = [];
  for (let list = units, s = splices.get(list); s && chain.length < FOLLOWED_EDITS; list = s.before, s = splices.get(list)) chain.push(s);
  for (let k = 1; k <= chain.length; k++) {
    let place = known;
    for (let j = k - 1; j >= 0 && place >= 0; j--) place = laterPlace(chain[j], place);
    if (place >= 0 && units.at(place) === unit) return place;
  }
  return undefined;
}

/** How `after` differs from `before`: the `removed` units from place `at` replaced by `inserted` units, every other unit the same. */
export type UnitSplice = Splice;

/**
 * How `after` was made from `before` by the incremental parses between them (the last few
 * followed), as one splice covering every stretch they re-parsed; null when `after` was not
 * made from `before` that way. Inside the splice some units may still be `before`'s own.
 */
export function spliceBetween(before: ChunkedList<Unit>, after: ChunkedList<Unit>): UnitSplice | null {
  if (before === after) return { at: 0, removed: 0, inserted: 0 };
  const chain: RecordedSplice[] = [];
  for (let list = after, s = splices.get(list); s && chain.length < FOLLOWED_EDITS; list = s.before, s = splices.get(list)) {
    chain.push(s);
    if (s.before === before) break;
  }
  if (chain.length === 0 || chain[chain.length - 1].before !== before) return null;
  // Oldest first, each splice joined to the covering one: the union of the two stretches, in
  // the middle list's places, is the covering stretch; before it nothing moved, after it every
  // place moved by each splice's change in length.
  let covering: UnitSplice = chain[chain.length - 1];
  for (let k = chain.length - 2; k >= 0; k--) {
    const next = chain[k];
    const low = Math.min(covering.at, next.at);
    const high = Math.max(covering.at + covering.inserted, next.at + next.removed);
    covering = { at: low, removed: high - (covering.inserted - covering.removed) - low, inserted: high + (next.inserted - next.removed) - low };
  }
  return covering;
}

/**
 * The place in `before` of the unit at place `i` of `after`, when it is one of `before`'s and
 * stands where the splice leaves it (outside the stretch, or an edge of the stretch the parse
 * read again); -1 for a unit the splice added.
 */
export function placeBefore(before: ChunkedList<Unit>, after: ChunkedList<Unit>, splice: UnitSplice, i: number): number {
  const { at, removed, inserted } = splice;
  const moved = inserted - removed;
  if (i < at || i >= at + inserted) return earlierPlace(splice, i);
  const unit = after.at(i);
  if (i < at + removed && before.at(i) === unit) return i;
  return i - moved >= at && i - moved < at + removed && before.at(i - moved) === unit ? i - moved : -1;
}

/** What a splice changed: the units it removed that its stretch no longer holds, and those its stretch holds that are new. */
export interface StretchChange {
  readonly gone: ReadonlySet<Unit>;
  readonly added: readonly Unit[];
}

export function stretchChange(before: ChunkedList<Unit>, after: ChunkedList<Unit>, splice: UnitSplice): StretchChange {
  // A unit found on both sides of the stretch (an edge the parse read again) changed nothing.
  const gone = new Set<Unit>();
  for (let i = splice.at; i < splice.at + splice.removed; i++) gone.add(before.at(i));
  const added: Unit[] = [];
  for (let i = splice.at; i < splice.at + splice.inserted; i++) {
    const unit = after.at(i);
    if (!gone.delete(unit)) added.push(unit);
  }
  return { gone, added };
}

/**
 * The places, in order, whose unit differs between two lists of units, or null when their
 * lengths differ. A list an incremental parse made from the other says so without a comparison
 * of every place, so an edit inside one unit costs the same in a large file as in a small one.
 */
export function replacedPlaces(before: ChunkedList<Unit>, after: ChunkedList<Unit>): readonly number[] | null {
  if (before.length !== after.length) return null;
  if (before === after) return NONE;
  const known = splices.get(after);
  if (known?.before === before) {
    const places: number[] = [];
    for (let i = known.at; i < known.at + known.inserted; i++) if (after.at(i) !== before.at(i)) places.push(i);
    return places;
  }
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
 * `Norm`). A list an incremental parse spliced from another takes the other's places, moved
 * past the stretch it parsed, and searches that stretch alone: a file check that visits the
 * units of a few kinds, or a statement most contracts lack (`calendar`), costs no search of
 * every unit at every edit.
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

/** For each list of units searched, the places of the units of each kind, found in one pass. */
const placesByKind = new WeakMap<ChunkedList<Unit>, ReadonlyMap<string, readonly number[]>>();

/**
 * The places of the units of `kinds`, from an index of every kind's places made by one pass
 * over the units: a file's checks ask about a dozen sets of kinds as it opens, which would
 * otherwise each pass over every unit.
 */
function searchedPlaces(units: ChunkedList<Unit>, kinds: readonly string[]): readonly number[] {
  let byKind = placesByKind.get(units);
  if (!byKind) {
    const made = new Map<string, number[]>();
    units.forEach((unit, i) => {
      const places = made.get(unit.node.kind);
      if (places) places.push(i);
      else made.set(unit.node.kind, [i]);
    });
    placesByKind.set(units, (byKind = made));
  }
  const found: (readonly number[])[] = [];
  for (const kind of new Set(kinds)) {
    const places = byKind.get(kind);
    if (places) found.push(places);
  }
  if (found.length === 0) return NONE;
  if (found.length === 1) return found[0];
  return found.flat().sort((a, b) => a - b);
}

/**
 * The places of the list `units` was spliced from, those after the stretch moved, with the
 * stretch's own searched; undefined when that list's places are not known.
 */
function carriedPlaces(units: ChunkedList<Unit>, key: string): readonly number[] | undefined {
  const from = splices.get(units);
  const before = from && placesByKinds.get(from.before)?.get(key);
  if (!from || !before) return undefined;
  // Units replaced one for one, each keeping its kind (an edit inside a unit): the very places.
  let sameKinds = from.inserted === from.removed;
  for (let i = from.at; sameKinds && i < from.at + from.inserted; i++) sameKinds = units.at(i).node.kind === from.before.at(i).node.kind;
  if (sameKinds) return before;
  const kinds = key.split(' ');
  const places: number[] = [];
  let k = 0;
  for (; k < before.length && before[k] < from.at; k++) places.push(before[k]);
  for (let i = from.at; i < from.at + from.inserted; i++) if (kinds.includes(units.at(i).node.kind)) places.push(i);
  for (; k < before.length; k++) {
    const now = laterPlace(from, before[k]);
    if (now >= 0) places.push(now);
  }
  return places.length === 0 ? NONE : places;
}
