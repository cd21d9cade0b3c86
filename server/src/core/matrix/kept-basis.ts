// What the kept parts of the editor's matrix (its rows, kept-rows.ts; its sections,
// kept-sections.ts) are kept against: everything the matrix reads besides the norms, told by
// the identities of the objects that hold it, and the lines. An edit inside norms that leaves
// all of it lets each part be kept but for the norms replaced.

import type { Analysis } from '../analysis/analysis';
import { carriedFromModel, normsReplacedSince } from '../model/carried-models';
import type { FileModel } from '../model/semantic';
import { replacedPlaces } from '../syntax/unit-starts';
import type { LineIndex } from '../text/line-index';

export interface MatrixBasis {
  /**
   * The file's declarations of other kinds than norms (through the model's lists, each kept by
   * a carried model while none changed), the term, the calendar, the variations' effects, and
   * every other file (the names and titles of their parties, their grants, open scopes,
   * interfaces and variations), as identities: compared without being held.
   */
  readonly inputs: string;
  readonly lines: LineIndex;
}

/** A number for each object asked about, the same each time. */
const ids = new WeakMap<object, number>();
let lastId = 0;

function idOf(thing: object | null | undefined): number {
  if (!thing) return 0;
  let id = ids.get(thing);
  if (id === undefined) ids.set(thing, (id = ++lastId));
  return id;
}

export function basisOf(program: Analysis, file: string, model: FileModel): MatrixBasis {
  const own = [model.kpis, model.charges, model.bodies, model.grants, model.opens, model.interfaces, model.term, program.variationEffects(file)].map(idOf);
  const others: number[] = [];
  for (const [other, source] of program.files) if (other !== file) others.push(idOf(source));
  return { inputs: `${own.join(',')};${model.calendar};${others.join(',')}`, lines: program.lines(file) };
}

/** Whether a part kept on `then` holds on `now` for the same model (an edit elsewhere left everything it reads). */
export function sameBasis(then: MatrixBasis, now: MatrixBasis): boolean {
  return then.inputs === now.inputs && then.lines === now.lines;
}

/**
 * The model `model` was carried from, and the places of the norms replaced since, when a part
 * kept on that model's basis `then` holds on `now` but for those norms: the edit replaced norm
 * units alone, no line moved, and nothing else read changed. Null otherwise.
 */
export function replacedSince(model: FileModel, then: (earlier: FileModel) => MatrixBasis | undefined, now: MatrixBasis): { readonly earlier: FileModel; readonly places: readonly number[] } | null {
  const earlier = carriedFromModel(model);
  const basis = earlier ? then(earlier) : undefined;
  const places = earlier ? normsReplacedSince(model, earlier) : undefined;
  if (!earlier || !basis || !places || basis.inputs !== now.inputs) return null;
  const before = earlier.partnership.block;
  const after = model.partnership.block;
  const units = before && after ? replacedPlaces(before.units, after.units) : null;
  if (!units) return null;
  // The units start on their earlier lines: an edit before them (the file's comments, its
  // imports, the partnership's header) moves every line while keeping every unit.
  if (after!.units.length > 0 && now.lines.position(after!.starts.at(0)).line !== basis.lines.position(before!.starts.at(0)).line) return null;
  for (const p of units) {
    const was = before!.units.at(p)!;
    const is = after!.units.at(p)!;
    if (is.node.kind !== 'Norm') return null;
    // Each replaced unit starts on its earlier line and ends on its earlier last line: no line moved.
    const start = basis.lines.position(before!.starts.at(p)).line;
    if (now.lines.position(after!.starts.at(p)).line !== start) return null;
    if (now.lines.position(after!.starts.at(p) + is.text.length).line !== basis.lines.position(before!.starts.at(p) + was.text.length).line) return null;
  }
  return { earlier, places };
}
