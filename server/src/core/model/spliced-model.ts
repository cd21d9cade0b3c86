// A file's model after an edit that added or removed units: the earlier model with the
// meanings of the stretch the incremental parse re-parsed spliced into its lists where they
// stand in the text, and the few meanings outside it that changed replaced in place. A pasted
// obligation so costs a search of the norms and a splice of their chunks, not a gathering of
// every unit's meaning.

import type { Partnership, Unit } from '../syntax/ast';
import { knownPlaceIn, type UnitSplice } from '../syntax/unit-starts';
import type { ChunkedList } from '../values/chunked-list';
import { noteCarried } from './carried-models';
import type { FileModel, NormModel } from './semantic';
import { gatheredAsWritten, listOfKind, meaningsReplaced, termOf, type UnitMeaning } from './unit-meaning';

type ListKind = keyof typeof listOfKind;

/**
 * The model of a file whose units are those of `earlier`'s with `splice` applied, and whose
 * meanings outside the stretch differ from the earlier ones (`before`) only at `others`
 * (places after the splice), each keeping its kind. Null when that cannot be carried: the term
 * moved or changed, the stretch holds a unit the model takes as written (a note, a value, an
 * objective, the calendar), or a unit's place is not known without a search.
 */
export function splicedFileModel(
  earlier: FileModel,
  before: ChunkedList<UnitMeaning>,
  partnership: Partnership,
  meanings: ChunkedList<UnitMeaning>,
  splice: UnitSplice,
  others: readonly number[],
): FileModel | null {
  const then = earlier.partnership.block?.units;
  const now = partnership.block?.units;
  const { at, removed, inserted } = splice;
  if (!then || !now || before.length !== then.length || meanings.length !== now.length) return null;
  if (termOf(partnership)?.unit !== earlier.termUnit) return null;
  // What the stretch held and holds, by kind of meaning, in the order of the text.
  const gone = new Map<ListKind | 'norm', unknown[]>();
  const come = new Map<ListKind | 'norm', unknown[]>();
  const stretchUnits = new Set<Unit>();
  const note = (into: Map<ListKind | 'norm', unknown[]>, m: UnitMeaning): void => {
    if (!m) return;
    const list = into.get(m.kind);
    if (list) list.push(m.value);
    else into.set(m.kind, [m.value]);
  };
  for (let i = at; i < at + removed; i++) {
    if (gatheredAsWritten(then.at(i))) return null;
    stretchUnits.add(then.at(i));
    note(gone, before.at(i));
  }
  const stretchMeanings: UnitMeaning[] = [];
  for (let i = at; i < at + inserted; i++) {
    if (gatheredAsWritten(now.at(i))) return null;
    stretchMeanings.push(meanings.at(i));
    note(come, meanings.at(i));
  }
  // Whether a unit outside the stretch stands before it: its place now, without a search.
  const beforeStretch = (unit: Unit): boolean | undefined => {
    if (stretchUnits.has(unit)) return false;
    const place = knownPlaceIn(now, unit);
    return place === undefined ? undefined : place < at;
  };

  const normsGone = (gone.get('norm') ?? []) as NormModel[];
  const normsCome = (come.get('norm') ?? []) as NormModel[];
  const normAt = firstNotBefore(earlier.norms, beforeStretch);
  if (normAt < 0) return null;
  for (let k = 0; k < normsGone.length; k++) if (earlier.norms.at(normAt + k) !== normsGone[k]) return null;
  const spliced: Record<string, unknown> = {};
  if (normsGone.length > 0 || normsCome.length > 0) spliced.norms = earlier.norms.spliced(normAt, normsGone.length, normsCome);
  for (const kind of Object.keys(listOfKind) as ListKind[]) {
    const out = gone.get(kind) ?? [];
    const into = come.get(kind) ?? [];
    if (out.length === 0 && into.length === 0) continue;
    const list = earlier[listOfKind[kind]] as readonly { readonly unit: Unit }[];
    // These lists are short (a contract's grants, KPIs, bodies): the stretch's items stand
    // after those whose units come before it.
    const outside = list.filter((item) => !out.includes(item));
    const places = outside.map((item) => beforeStretch(item.unit));
    if (places.includes(undefined)) return null;
    const from = places.indexOf(false) < 0 ? outside.length : places.indexOf(false);
    if (places.slice(from).includes(true)) return null;
    for (let k = 0; k < out.length; k++) if (list[from + k] !== out[k]) return null;
    spliced[listOfKind[kind]] = [...list.slice(0, from), ...into, ...list.slice(from + out.length)];
  }

  // The stretch spliced in: the model and meanings now differ only at `others`.
  const base: FileModel = { ...earlier, partnership, ...spliced };
  const baseMeanings = before.spliced(at, removed, stretchMeanings);
  const carried = meaningsReplaced(base, baseMeanings, partnership, meanings, others);
  if (!carried) return null;
  noteCarried(carried.model, earlier, carried.normPlaces, { at: normAt, removed: normsGone.length, inserted: normsCome.length });
  return carried.model;
}

/**
 * The place of the first norm of `norms` (in the order of the text) whose unit does not stand
 * before the stretch, by binary search; -1 when a unit's place is not known.
 */
function firstNotBefore(norms: ChunkedList<NormModel>, beforeStretch: (unit: Unit) => boolean | undefined): number {
  let low = 0;
  let high = norms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const before = beforeStretch(norms.at(middle).unit);
    if (before === undefined) return -1;
    if (before) low = middle + 1;
    else high = middle;
  }
  return low;
}
