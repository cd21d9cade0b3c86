// Which file models were carried from which: a model made from an earlier one by replacing a
// few meanings where they stand, each unit keeping its kind of statement (model/unit-meaning.ts),
// or by splicing the stretch of units an edit re-parsed (model/spliced-model.ts), says so here,
// with the places of its norms that were replaced and the norms spliced. What is derived from
// a model (its varied copy, its norms' check results) can then be carried too, replacing and
// splicing only those places instead of visiting every norm.

import type { FileModel } from './semantic';
import { earlierPlace, laterPlace, type Splice } from '../values/splice';

/** How a list of norms was made from another: the `removed` norms from place `at` replaced by `inserted` ones. */
export type NormSplice = Splice;

/** How a model's norms differ from those of the model it was carried from. */
export interface NormChange {
  /** Norms added or removed (an edit that added or removed units); null when the norms stand place for place. */
  readonly splice: NormSplice | null;
  /** The places in the later list, outside the splice, whose norm differs; every other is the same. */
  readonly replaced: readonly number[];
}

interface CarriedFrom extends NormChange {
  readonly earlier: FileModel;
}

const carriedFrom = new WeakMap<FileModel, CarriedFrom>();

/**
 * Notes that `model` is `earlier` with the norms at `norms` replaced (and perhaps other
 * meanings, never moved). Only a model's own step is asked about, so `earlier` forgets the
 * model it came from: each model noting the one before, and that one the one before it, would
 * keep every model of an editing session alive.
 */
export function noteCarried(model: FileModel, earlier: FileModel, replaced: readonly number[], splice: NormSplice | null = null): void {
  carriedFrom.set(model, { earlier, replaced, splice });
  carriedFrom.delete(earlier);
}

/**
 * The places of the norms of `model` that differ from those of `earlier`, when `model` was
 * carried from `earlier` with its norms standing place for place (so the lists have one
 * length); undefined when it was not.
 */
export function normsReplacedSince(model: FileModel, earlier: FileModel): readonly number[] | undefined {
  const from = carriedFrom.get(model);
  return from?.earlier === earlier && from.splice === null ? from.replaced : undefined;
}

/** How the norms of `model` differ from those of `earlier`, when `model` was carried from it (norms perhaps added or removed). */
export function normChangeSince(model: FileModel, earlier: FileModel): NormChange | undefined {
  const from = carriedFrom.get(model);
  return from?.earlier === earlier ? from : undefined;
}

/** The place in the later list of the norm at `place` of the earlier one; -1 for one the splice removed. */
export function normPlaceAfter(change: NormChange, place: number): number {
  return change.splice ? laterPlace(change.splice, place) : place;
}

/** The place in the earlier list of the norm at `place` of the later one; -1 for one the splice added. */
export function normPlaceBefore(change: NormChange, place: number): number {
  return change.splice ? earlierPlace(change.splice, place) : place;
}

/** The model `model` was carried from, if it was. */
export function carriedFromModel(model: FileModel): FileModel | undefined {
  return carriedFrom.get(model)?.earlier;
}
