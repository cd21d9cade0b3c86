// Which file models were carried from which: a model made from an earlier one by replacing a
// few meanings where they stand, each unit keeping its kind of statement (model/unit-meaning.ts),
// says so here, with the places of its norms that were replaced. What is derived from a model (its varied copy, its norms' check
// results) can then be carried too, replacing only those places instead of visiting every norm.

import type { FileModel } from './semantic';

interface CarriedFrom {
  readonly earlier: FileModel;
  /** The places in `norms` whose norm differs from the earlier model's; every other is the same. */
  readonly norms: readonly number[];
}

const carriedFrom = new WeakMap<FileModel, CarriedFrom>();

/**
 * Notes that `model` is `earlier` with the norms at `norms` replaced (and perhaps other
 * meanings, never moved). Only a model's own step is asked about, so `earlier` forgets the
 * model it came from: each model noting the one before, and that one the one before it, would
 * keep every model of an editing session alive.
 */
export function noteCarried(model: FileModel, earlier: FileModel, norms: readonly number[]): void {
  carriedFrom.set(model, { earlier, norms });
  carriedFrom.delete(earlier);
}

/**
 * The places of the norms of `model` that differ from those of `earlier`, when `model` was
 * carried from `earlier` (so the lists have one length); undefined when it was not.
 */
export function normsReplacedSince(model: FileModel, earlier: FileModel): readonly number[] | undefined {
  const from = carriedFrom.get(model);
  return from?.earlier === earlier ? from.norms : undefined;
}

/** The model `model` was carried from, if it was. */
export function carriedFromModel(model: FileModel): FileModel | undefined {
  return carriedFrom.get(model)?.earlier;
}
