// What a file's norm checks keep from the file's earlier results. After an edit that carried
// the file's model over (its norms replaced where they stand, or a stretch of them spliced;
// model/carried-models.ts), the earlier results are carried the same way, and only the norms
// replaced or spliced in and the readers of a lookup whose value changed are checked again
// (checks/norm-readers.ts finds those). Otherwise each earlier result is found by its norm and
// kept while what it read is unchanged (checks/run.ts confirms that).

import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Facts, Read } from '../facts/engine';
import { normChangeSince, type NormChange, normPlaceAfter } from '../model/carried-models';
import type { FileModel, NormModel } from '../model/semantic';
import type { Program } from '../program/program';
import type { ChunkedList } from '../values/chunked-list';
import { staleReaders } from './norm-readers';

/** What the checks of one norm found, and what they looked up. */
export interface NormResult {
  readonly norm: NormModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly reads: readonly Read[];
}

/** What of a file's earlier check results the norms' checks read. */
export interface EarlierNorms {
  /** False when a check failed on the file: nothing of it is kept. */
  readonly complete: boolean;
  readonly model: FileModel;
  /** Each norm's result, in the order of `model.norms`. */
  readonly norms: ChunkedList<NormResult>;
}

/**
 * When `model` was carried from the model of `earlier` (its norms replaced where they stand,
 * or a stretch of them spliced): the places now of the norms to check again, those replaced or
 * spliced in and those one of whose lookups changed.
 */
export function carriedNormResults(facts: Facts<Program>, earlier: EarlierNorms | undefined, model: FileModel): CarriedNorms | null {
  if (!earlier?.complete || earlier.model.termUnit !== model.termUnit) return null;
  const change = normChangeSince(model, earlier.model);
  const splice = change?.splice ?? null;
  if (!change || earlier.norms.length + (splice ? splice.inserted - splice.removed : 0) !== model.norms.length) return null;
  const again = new Set<number>();
  // A stale reader the splice removed is gone; one after it moved.
  for (const place of staleReaders(facts, earlier.norms)) {
    const now = normPlaceAfter(change, place);
    if (now >= 0) again.add(now);
  }
  for (const i of change.replaced) again.add(i);
  if (splice) for (let k = 0; k < splice.inserted; k++) again.add(splice.at + k);
  return { again, change };
}

/** The norms checked again after an edit that carried the model, by their places now, and how the norms changed. */
export interface CarriedNorms {
  readonly again: ReadonlySet<number>;
  readonly change: NormChange;
}

/**
 * The earlier results with those of the norms checked again (`made`, by their index among the
 * sorted `places`) put in: the splice's stretch spliced in, every other place replaced.
 */
export function carriedResults(earlier: ChunkedList<NormResult>, change: NormChange, places: readonly number[], made: readonly NormResult[]): ChunkedList<NormResult> {
  const splice = change.splice;
  if (!splice) return earlier.replaced(places, (_place, k) => made[k]);
  const first = places.indexOf(splice.at);
  const stretch = splice.inserted === 0 ? [] : made.slice(first, first + splice.inserted);
  const outside: number[] = [];
  const outsideMade: NormResult[] = [];
  places.forEach((place, k) => {
    if (place < splice.at || place >= splice.at + splice.inserted) {
      outside.push(place);
      outsideMade.push(made[k]);
    }
  });
  return earlier.spliced(splice.at, splice.removed, stretch).replaced(outside, (_place, k) => outsideMade[k]);
}

/** The earlier result of each norm of `model` that the earlier analysis checked, by place. */
export function earlierNormResults(earlier: EarlierNorms | undefined, model: FileModel): (i: number) => NormResult | undefined {
  // A norm's checks read the term too (P303 points at it).
  if (!earlier?.complete || earlier.model.termUnit !== model.termUnit) return () => undefined;
  const before = earlier.norms;
  // An edit inside one norm keeps every other norm at its place.
  if (before.length === model.norms.length) return (i) => (before.at(i).norm === model.norms.at(i) ? before.at(i) : undefined);
  const byNorm = new Map<NormModel, NormResult>();
  before.forEach((result) => byNorm.set(result.norm, result));
  return (i) => byNorm.get(model.norms.at(i));
}
