// The matrix as the command line writes it to CSV: everything but the rows made first, then each
// row made when the writer asks for it and let go once written. A contract of hundreds of
// thousands of norms thus never holds all its rows at once (the editor's `buildMatrix` keeps
// them, to hand the preview only what changed).

import { groupTitle, type Grouping, IN_ORDER_TITLE } from '../../../../shared/out/matrix-wording';
import type { Matrix, MatrixRow } from '../../../../shared/out/matrix';
import type { NormModel } from '../model/semantic';
import type { Analysis } from '../analysis/analysis';
import { showBidiControlsIn } from '../text/bidi';
import { planMatrix } from './model';

/** A group's title and its rows, made one at a time as they are read (once). */
export interface StreamedGroup {
  readonly title: string;
  readonly rows: Iterable<MatrixRow>;
}

export interface StreamedMatrix {
  /** The matrix with every group empty: its columns, exclusivity and further sections. */
  readonly head: Matrix;
  readonly groups: readonly StreamedGroup[];
}

/** The matrix of `file` with its rows grouped as `grouping` says, in the order `groupsOf` gives them. */
export function streamMatrix(program: Analysis, file: string, grouping: Grouping): StreamedMatrix | null {
  const plan = planMatrix(program, file);
  if (!plan) return null;
  const shown = <T>(value: T): T => (plan.showsBidiControls ? showBidiControlsIn(value) : value);
  const head = shown({ ...plan.head, groups: plan.groups.map((g) => ({ scope: g.scope, rows: [] })) });
  function* rowsOf(norms: readonly NormModel[]): Generator<MatrixRow> {
    for (const norm of norms) yield shown(plan!.rowOf(norm, false));
  }
  if (grouping === 'order') {
    // As `groupsOf`: the groups' rows one after another, then sorted (stably) by line.
    const norms = plan.groups.flatMap((g) => g.norms);
    const lines = norms.map(plan.lineOf);
    const order = norms.map((_, i) => i).sort((a, b) => lines[a] - lines[b]);
    return { head, groups: norms.length > 0 ? [{ title: IN_ORDER_TITLE, rows: rowsOf(order.map((i) => norms[i])) }] : [] };
  }
  return { head, groups: head.groups.map((g, i) => ({ title: groupTitle(g.scope), rows: rowsOf(plan.groups[i].norms) })) };
}
