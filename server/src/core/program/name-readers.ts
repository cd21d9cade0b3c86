// The readers of each name in a file: for the resolutions of one analysis, the units whose
// references look up each name first. When an edit declares a name anew (a declaration pasted,
// removed or parsed again), the units that read it are resolved again, and only they.

import type { UnitResolution } from '../binding/resolve';
import { firstPart, type Unit } from '../syntax/ast';
import { knownPlaceIn, notePlace, type UnitSplice } from '../syntax/unit-starts';
import type { ChunkedList } from '../values/chunked-list';
import { LayeredMap } from '../values/layered-map';
import { earlierPlace } from '../values/splice';
import { finished } from '../values/steps';

const NONE: readonly never[] = [];

/**
 * For the resolutions of one analysis, the units whose references look up each name first.
 * Built on first need, then carried from analysis to analysis with only the units an edit
 * changed updated, so finding the readers of a name declared anew costs no pass over every
 * unit. Units rather than places: an edit that adds or removes units moves every later place,
 * not the units; a unit's place now is where its last known place moved
 * (`syntax/unit-starts.ts`).
 */
const readersByResolutions = new WeakMap<ChunkedList<UnitResolution>, LayeredMap<string, NameReaders>>();

/**
 * The units that read one name: those of a list made once, but for the ones gone since, and
 * those added since. A name may be read by tens of thousands of units (a party's), and an edit
 * replaces each unit it touches by a new one: the list stands, and the edit changes two short
 * lists of changes. They are joined into a new list once they hold `MAX_CHANGES`, whose copy is
 * shared among the edits before it.
 */
interface NameReaders {
  readonly list: readonly Unit[];
  /** Units of `list` that no longer read the name. */
  readonly gone: readonly Unit[];
  /** Units not in `list` that read it now. */
  readonly added: readonly Unit[];
}

const MAX_CHANGES = 64;

const NO_READERS: NameReaders = { list: NONE, gone: NONE, added: NONE };

function withReader(readers: NameReaders, unit: Unit): NameReaders {
  const { list, gone, added } = readers;
  // A unit of the list that stopped reading the name reads it again.
  const k = gone.indexOf(unit);
  return joined(k >= 0 ? { list, gone: without(gone, k), added } : { list, gone, added: [...added, unit] });
}

function withoutReader(readers: NameReaders, unit: Unit): NameReaders {
  const { list, gone, added } = readers;
  const k = added.indexOf(unit);
  return joined(k >= 0 ? { list, gone, added: without(added, k) } : { list, gone: [...gone, unit], added });
}

const without = <T>(items: readonly T[], k: number): T[] => [...items.slice(0, k), ...items.slice(k + 1)];

/** The readers as one list once their changes are many. */
function joined(readers: NameReaders): NameReaders {
  if (readers.gone.length + readers.added.length < MAX_CHANGES) return readers;
  const gone = new Set(readers.gone);
  return { list: [...readers.list.filter((unit) => !gone.has(unit)), ...readers.added], gone: NONE, added: NONE };
}

function forEachReader(readers: NameReaders, visit: (unit: Unit) => void): void {
  const { list, added } = readers;
  const gone = readers.gone.length > 0 ? new Set(readers.gone) : null;
  for (let i = 0; i < list.length; i++) if (!gone?.has(list[i])) visit(list[i]);
  for (let i = 0; i < added.length; i++) visit(added[i]);
}

/**
 * The places in `now` of the units whose resolutions (with `units`, their list) read one of
 * `names`, but for those in `gone`, which `now` lacks.
 */
export function readersOf(resolutions: ChunkedList<UnitResolution>, units: ChunkedList<Unit>, names: ReadonlySet<string>, now: ChunkedList<Unit>, gone: ReadonlySet<Unit>): number[] {
  const readers = finished(indexReaders(resolutions, units));
  const out: number[] = [];
  for (const name of names) {
    forEachReader(readers.get(name) ?? NO_READERS, (unit) => {
      if (gone.has(unit)) return;
      // A reader is one of `units`, placed in `now` where its last known place moved (found by
      // a search when that was lost among many edits).
      const place = knownPlaceIn(now, unit) ?? now.indexOf(unit);
      if (place >= 0) out.push(place);
    });
  }
  return out;
}

/**
 * Gives `after` (with `now`, its units) the readers of `before` (with `then`), with the units
 * the splice removed taken out and those at `visited` or in the stretch, whose names read
 * may have changed, updated.
 */
export function carryReaders(
  before: ChunkedList<UnitResolution>,
  then: ChunkedList<Unit>,
  after: ChunkedList<UnitResolution>,
  now: ChunkedList<Unit>,
  splice: UnitSplice,
  visited: readonly number[],
): void {
  const earlier = readersByResolutions.get(before);
  if (!earlier) return;
  const changed = new Map<string, NameReaders>();
  const readersOfName = (name: string): NameReaders => changed.get(name) ?? earlier.get(name) ?? NO_READERS;
  const change = (unit: Unit, was: UnitResolution | undefined, is: UnitResolution | undefined): void => {
    if (was === is) return;
    const thenNames = was ? namesRead(was) : NO_NAMES;
    const nowNames = is ? namesRead(is) : NO_NAMES;
    for (const name of thenNames) if (!nowNames.has(name)) changed.set(name, withoutReader(readersOfName(name), unit));
    for (const name of nowNames) if (!thenNames.has(name)) changed.set(name, withReader(readersOfName(name), unit));
  };
  const { at, removed, inserted } = splice;
  // The stretch: each unit removed loses what it read; each unit there now gains what it reads.
  const stretchNow = new Map<Unit, UnitResolution>();
  for (let i = at; i < at + inserted; i++) {
    notePlace(now.at(i), i);
    stretchNow.set(now.at(i), after.at(i));
  }
  for (let i = at; i < at + removed; i++) {
    const unit = then.at(i);
    change(unit, before.at(i), stretchNow.get(unit));
    stretchNow.delete(unit);
  }
  for (const [unit, resolution] of stretchNow) change(unit, undefined, resolution);
  for (const i of visited) change(now.at(i), before.at(earlierPlace(splice, i)), after.at(i));
  readersByResolutions.set(after, earlier.with(changed));
}

const NO_NAMES: ReadonlySet<string> = new Set();

function namesRead(resolution: UnitResolution): Set<string> {
  const names = new Set<string>();
  for (let r = 0; r < resolution.nodes.length; r++) names.add(firstPart(resolution.nodes[r]));
  return names;
}

/** How many units one step of `indexReaders` reads: a few milliseconds' work at most. */
const UNITS_A_STEP = 4096;

/** Whether the readers of each name of these resolutions are indexed already. */
export function hasReaderIndex(resolutions: ChunkedList<UnitResolution>): boolean {
  return readersByResolutions.has(resolutions);
}

/**
 * The readers of each name of `resolutions` (with `units`, their list), kept once made. Made a
 * stretch of units at a time, yielding between stretches, so that a server can make it while
 * nobody types (`Analysis.workAhead`) rather than at the first edit that declares a name anew.
 */
export function* indexReaders(resolutions: ChunkedList<UnitResolution>, units: ChunkedList<Unit>): Generator<void, LayeredMap<string, NameReaders>, void> {
  const known = readersByResolutions.get(resolutions);
  if (known) return known;
  // Each name's readers as made: its list is filled here, and never changed once handed out.
  const index = new Map<string, NameReaders & { readonly list: Unit[] }>();
  for (let from = 0; from < resolutions.length; from += UNITS_A_STEP) {
    if (from > 0) yield;
    for (let i = from, to = Math.min(resolutions.length, from + UNITS_A_STEP); i < to; i++) {
      const unit = units.at(i);
      notePlace(unit, i);
      for (const name of namesRead(resolutions.at(i))) {
        const readers = index.get(name);
        if (readers) readers.list.push(unit);
        else index.set(name, { list: [unit], gone: NONE, added: NONE });
      }
    }
  }
  // Made meanwhile by the analysis itself, while this waited between steps: that one is kept.
  const made = readersByResolutions.get(resolutions) ?? LayeredMap.of<string, NameReaders>(index);
  readersByResolutions.set(resolutions, made);
  return made;
}
