// How a list was made from another by one splice, and where a place of one list stands in the
// other. The units of a partnership (syntax/unit-starts.ts), a model's norms
// (model/carried-models.ts) and everything kept by their places (resolutions, check results,
// the readers of each lookup) move past a splice the same way.

/** The `removed` entries from place `at` of the earlier list replaced by `inserted` entries; every other entry the earlier list's own. */
export interface Splice {
  readonly at: number;
  readonly removed: number;
  readonly inserted: number;
}

/** The place in the later list of place `place` of the earlier one; -1 inside the stretch. */
export function laterPlace(splice: Splice, place: number): number {
  if (place < splice.at) return place;
  return place >= splice.at + splice.removed ? place + splice.inserted - splice.removed : -1;
}

/** The place in the earlier list of place `place` of the later one; -1 inside the stretch. */
export function earlierPlace(splice: Splice, place: number): number {
  if (place < splice.at) return place;
  return place >= splice.at + splice.inserted ? place - splice.inserted + splice.removed : -1;
}
