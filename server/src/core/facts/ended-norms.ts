// The models of the norms a file's variations end, which the variations' effects read
// (`variationEffects` in lookups.ts). Looking each up is a visit of every variation's ended
// norm, which a contract has in proportion to its size; after an edit that replaced a few norms
// and none of those, the list is the one the model before the edit had.

import type { NormSymbol } from '../binding/symbols';
import { carriedFromModel, normsReplacedSince } from '../model/carried-models';
import type { FileModel, NormModel, VariationModel } from '../model/semantic';
import { endedNorms } from '../model/variations';

interface EndedModels {
  readonly variations: readonly VariationModel[];
  readonly models: readonly (NormModel | undefined)[];
}

const known = new WeakMap<FileModel, EndedModels>();
const endedSets = new WeakMap<readonly NormSymbol[], ReadonlySet<NormSymbol>>();

/**
 * The model of each norm `variations` end, in the order `endedNorms` gives them (undefined for
 * one `modelOf` does not find), as `modelOf` finds them in `model`. The same list while the
 * variations are the same list and no norm they end was replaced, so that it is compared at a
 * glance.
 */
export function endedNormModels(model: FileModel, variations: readonly VariationModel[], modelOf: (symbol: NormSymbol) => NormModel | undefined): readonly (NormModel | undefined)[] {
  const mine = known.get(model);
  if (mine?.variations === variations) return mine.models;
  const ended = endedNorms(variations);
  const earlier = carriedFromModel(model);
  const before = earlier && known.get(earlier);
  const replaced = earlier && normsReplacedSince(model, earlier);
  let models: readonly (NormModel | undefined)[];
  if (before?.variations === variations && replaced && !replaced.some((p) => endsAny(ended, earlier!.norms.at(p).symbol) || endsAny(ended, model.norms.at(p).symbol))) {
    models = before.models;
  } else {
    const found = ended.map(modelOf);
    models = before && before.models.length === found.length && found.every((m, i) => m === before.models[i]) ? before.models : found;
  }
  known.set(model, { variations, models });
  return models;
}

function endsAny(ended: readonly NormSymbol[], symbol: NormSymbol): boolean {
  let set = endedSets.get(ended);
  if (!set) endedSets.set(ended, (set = new Set(ended)));
  return set.has(symbol);
}
