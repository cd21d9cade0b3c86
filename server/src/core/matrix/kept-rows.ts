// The matrix's groups and rows kept from one analysis to the next. The preview asks for the
// matrix at each edit, and an edit inside a norm replaces a few norms of a model carried from
// the one before (model/carried-models.ts): the groups and rows of the other norms are the
// earlier ones, where nothing a row says (its line included) can have changed. Only the rows of
// the norms replaced are made again, and a group's list is copied only when one of its rows is
// replaced, so an edit costs what it changed, as the checks do.

import type { Analysis } from '../analysis/analysis';
import { rootOf, type ScopeSymbol } from '../binding/symbols';
import { carriedFromModel, normsReplacedSince } from '../model/carried-models';
import type { FileModel, NormModel } from '../model/semantic';
import { replacedPlaces } from '../syntax/unit-starts';
import type { LineIndex } from '../text/line-index';
import type { MatrixRow } from '../../../../shared/out/matrix';

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

/** What every row of a file's matrix reads besides its own norm. */
export interface RowContext {
  readonly program: Analysis;
  readonly file: string;
  readonly timing: { readonly termEnd: number | null; readonly calendar: string };
}

interface KeptRows {
  readonly rows: readonly (readonly MatrixRow[])[];
  readonly grouping: Grouping;
  readonly termEnd: number | null;
  readonly calendar: string;
  /** The variations' effects the rows' marks were read from. */
  readonly effects: object;
  readonly kpis: FileModel['kpis'];
  /**
   * Every other file and the name of its partnership, which names its parties in this matrix:
   * kept as words, so that a kept entry holds no earlier analysis's files.
   */
  readonly others: string;
  readonly lines: LineIndex;
}

const keptRows = new WeakMap<FileModel, KeptRows>();

/** The rows of each group of `grouping`, `rowOf` making the rows of the norms an edit replaced (all of them, the first time). */
export function rowsOf(model: FileModel, grouping: Grouping, context: RowContext, rowOf: (norm: NormModel) => MatrixRow): readonly (readonly MatrixRow[])[] {
  const { program, file, timing } = context;
  const now: Omit<KeptRows, 'rows'> = {
    grouping,
    termEnd: timing.termEnd,
    calendar: timing.calendar,
    effects: program.variationEffects(file),
    kpis: model.kpis,
    others: otherNames(program, file),
    lines: program.lines(file),
  };
  // The same model (an edit in another file): its rows, while what they read is the same.
  const same = keptRows.get(model);
  const rows = (same && same.grouping === grouping && same.lines === now.lines && sameContext(same, now) ? same.rows : null) ??
    carriedRows(model, now) ?? grouping.norms.map((norms) => norms.map(rowOf));
  keptRows.set(model, { ...now, rows });
  return rows;

  function carriedRows(model: FileModel, now: Omit<KeptRows, 'rows'>): (readonly MatrixRow[])[] | null {
    const earlier = carriedFromModel(model);
    const replaced = earlier ? normsReplacedSince(model, earlier) : undefined;
    const before = earlier ? keptRows.get(earlier) : undefined;
    if (!earlier || !replaced || !before || !sameContext(before, now) || !sameLines(earlier, model, before.lines, now.lines)) return null;
    // The groups are the earlier ones' (carriedGrouping): same keys, same places.
    if (now.grouping.keys !== before.grouping.keys) return null;
    return replacedInGroups(now.grouping, before.rows, replaced, (i) => rowOf(model.norms.at(i)!), () => true);
  }
}

function sameContext(before: Omit<KeptRows, 'rows'>, now: Omit<KeptRows, 'rows'>): boolean {
  return before.termEnd === now.termEnd && before.calendar === now.calendar && before.effects === now.effects && before.kpis === now.kpis && before.others === now.others;
}

function otherNames(program: Analysis, file: string): string {
  const names: string[] = [];
  for (const [other, source] of program.files) if (other !== file) names.push(other, source.partnership?.name.text ?? '');
  return names.join('\u0000');
}

/**
 * Whether every unit starts on the line it started on: each unit the edit replaced starts on
 * its earlier line and spans as many lines as before, so no line moved.
 */
export function sameLines(earlier: FileModel, model: FileModel, linesBefore: LineIndex, linesNow: LineIndex): boolean {
  const before = earlier.partnership.block;
  const after = model.partnership.block;
  if (!before || !after) return false;
  const places = replacedPlaces(before.units, after.units);
  if (!places) return false;
  for (const p of places) {
    const then = before.units.at(p)!;
    const now = after.units.at(p)!;
    const start = linesBefore.position(before.starts.at(p)).line;
    if (linesNow.position(after.starts.at(p)).line !== start) return false;
    // Its last line, as the line index counts line breaks.
    if (linesNow.position(after.starts.at(p) + now.text.length).line !== linesBefore.position(before.starts.at(p) + then.text.length).line) return false;
  }
  return true;
}
