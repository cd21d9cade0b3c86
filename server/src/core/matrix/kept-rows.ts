// The matrix's groups and rows kept from one analysis to the next. The preview asks for the
// matrix at each edit, and an edit inside a norm replaces a few norms of a model carried from
// the one before (model/carried-models.ts): the groups and rows of the other norms are the
// earlier ones, where nothing a row says (its line included) can have changed. Only the rows of
// the norms replaced are made again, and a group's list is copied only when one of its rows is
// replaced, so an edit costs what it changed, as the checks do.

import { rootOf, type ScopeSymbol } from '../binding/symbols';
import { carriedFromModel, normsReplacedSince } from '../model/carried-models';
import type { FileModel, NormModel } from '../model/semantic';
import type { MatrixRow } from '../../../../shared/out/matrix';
import { type MatrixBasis, replacedSince, sameBasis } from './kept-basis';

/** The norms of the matrix's groups, by the root of the scope each names, groups in order of first appearance. */
export interface Grouping {
  readonly keys: readonly (ScopeSymbol | null)[];
  readonly norms: readonly (readonly NormModel[])[];
  /** For each norm of the model, by its place: its group, and its place in that group. */
  readonly groupOf: Int32Array;
  readonly placeIn: Int32Array;
}

/** A norm's group: the root of its object's scope, else of its `scope` line; null for neither. */
function groupKey(norm: NormModel): ScopeSymbol | null {
  const anchor = norm.objectScope ?? norm.scopeLine;
  return anchor ? rootOf(anchor) : null;
}

const groupings = new WeakMap<FileModel, Grouping>();

/** The groups of `model`'s norms; the earlier model's, with the replaced norms put in, when it was carried and none changed group. */
export function groupingOf(model: FileModel): Grouping {
  let grouping = groupings.get(model);
  if (!grouping) groupings.set(model, (grouping = carriedGrouping(model) ?? madeGrouping(model)));
  return grouping;
}

function madeGrouping(model: FileModel): Grouping {
  const index = new Map<ScopeSymbol | null, number>();
  const keys: (ScopeSymbol | null)[] = [];
  const norms: NormModel[][] = [];
  const groupOf = new Int32Array(model.norms.length);
  const placeIn = new Int32Array(model.norms.length);
  model.norms.forEach((norm, i) => {
    const key = groupKey(norm);
    let group = index.get(key);
    if (group === undefined) {
      index.set(key, (group = keys.length));
      keys.push(key);
      norms.push([]);
    }
    groupOf[i] = group;
    placeIn[i] = norms[group].length;
    norms[group].push(norm);
  });
  return { keys, norms, groupOf, placeIn };
}

function carriedGrouping(model: FileModel): Grouping | null {
  const earlier = carriedFromModel(model);
  const replaced = earlier ? normsReplacedSince(model, earlier) : undefined;
  const before = earlier ? groupings.get(earlier) : undefined;
  if (!earlier || !replaced || !before || earlier.norms.length !== model.norms.length) return null;
  const norms = replacedInGroups(before, before.norms, replaced, (i) => model.norms.at(i)!, (i) => groupKey(model.norms.at(i)!) === before.keys[before.groupOf[i]]);
  return norms && { ...before, norms };
}

/**
 * `lists`, one per group of `grouping`, with the entries of the norms at `places` made anew
 * (a group's list copied once, the others shared); null when `fits` refuses a place.
 */
function replacedInGroups<T>(
  grouping: Grouping, lists: readonly (readonly T[])[], places: readonly number[], made: (place: number) => T, fits: (place: number) => boolean,
): (readonly T[])[] | null {
  const out = lists.slice();
  const copied = new Set<number>();
  for (const i of places) {
    if (!fits(i)) return null;
    const group = grouping.groupOf[i];
    if (!copied.has(group)) {
      out[group] = out[group].slice();
      copied.add(group);
    }
    (out[group] as T[])[grouping.placeIn[i]] = made(i);
  }
  return out;
}

interface KeptRows {
  readonly basis: MatrixBasis;
  readonly grouping: Grouping;
  readonly rows: readonly (readonly MatrixRow[])[];
}

const keptRows = new WeakMap<FileModel, KeptRows>();

/** The rows of each group of `grouping`, `rowOf` making the rows of the norms an edit replaced (all of them, the first time). */
export function rowsOf(model: FileModel, grouping: Grouping, basis: MatrixBasis, rowOf: (norm: NormModel) => MatrixRow): readonly (readonly MatrixRow[])[] {
  // The same model (an edit in another file): its rows, while what they read is the same.
  const same = keptRows.get(model);
  const rows = (same && same.grouping === grouping && sameBasis(same.basis, basis) ? same.rows : null) ?? carriedRows() ?? grouping.norms.map((norms) => norms.map(rowOf));
  keptRows.set(model, { basis, grouping, rows });
  return rows;

  function carriedRows(): (readonly MatrixRow[])[] | null {
    const replaced = replacedSince(model, (earlier) => keptRows.get(earlier)?.basis, basis);
    const before = replaced && keptRows.get(replaced.earlier);
    // The groups are the earlier ones' (carriedGrouping): same keys, same places.
    if (!replaced || !before || grouping.keys !== before.grouping.keys) return null;
    return replacedInGroups(grouping, before.rows, replaced.places, (i) => rowOf(model.norms.at(i)!), () => true);
  }
}
