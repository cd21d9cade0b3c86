// A matrix as a change to an earlier one, so that the live preview of a 5,000-norm contract
// moves a few rows per keystroke, not the whole matrix. A row that is the same as one of the
// earlier matrix's rows (apart from its line) is sent as a reference to it; every other part
// of the matrix is small and sent whole.

import type { Matrix, MatrixGroup, MatrixRow } from './matrix';

/** Row `same` of the earlier matrix (counting every group's rows in order), now at `line`. */
export interface RowReference {
  readonly same: number;
  readonly line: number;
}

export interface MatrixDelta extends Omit<Matrix, 'groups'> {
  readonly groups: readonly {
    readonly scope: MatrixGroup['scope'];
    readonly rows: readonly (MatrixRow | RowReference)[];
  }[];
}

export const isRowReference = (row: MatrixRow | RowReference): row is RowReference => 'same' in row;

const keys = new WeakMap<MatrixRow, string>();

/** Everything about a row except its line, as text: equal texts, equal rows (rows are never changed in place). */
export function rowKey(row: MatrixRow): string {
  let key = keys.get(row);
  if (key === undefined) {
    key = JSON.stringify([row.norm, row.title, row.kind, row.statement, row.cells, row.when, row.kpis, row.consequence, row.clause, row.notes, row.amount, row.doc, row.changes]);
    keys.set(row, key);
  }
  return key;
}

/** `next` as a change to `base` (null: no earlier matrix, every row sent whole). */
export function matrixDelta(base: { readonly matrix: Matrix; readonly keys: readonly string[] } | null, next: Matrix, nextKeys: readonly string[]): MatrixDelta {
  // Each earlier row is referred to at most once, so a row given twice stays twice.
  const unused = new Map<string, number[]>();
  if (base) base.keys.forEach((key, i) => listOf(unused, key).push(i));
  for (const list of unused.values()) list.reverse();
  let at = 0;
  const groups = next.groups.map((group) => ({
    scope: group.scope,
    rows: group.rows.map((row): MatrixRow | RowReference => {
      const same = unused.get(nextKeys[at++])?.pop();
      return same === undefined ? row : { same, line: row.line };
    }),
  }));
  return { ...next, groups };
}

/** Every row's key, in the order `matrixDelta` counts them. */
export function rowKeys(matrix: Matrix): string[] {
  return matrix.groups.flatMap((group) => group.rows.map(rowKey));
}

/**
 * The matrix a delta describes, given the matrix it was made against (null for none). Rows
 * that did not change are the very objects of `base` when their line is the same too, and a
 * copy on its new line keeps the earlier row's key, so only changed rows are keyed again. Null
 * when the delta refers to a row `base` does not have.
 */
export function applyMatrixDelta(base: Matrix | null, delta: MatrixDelta): Matrix | null {
  const earlier = base ? base.groups.flatMap((group) => group.rows) : [];
  const groups: MatrixGroup[] = [];
  for (const group of delta.groups) {
    const rows: MatrixRow[] = [];
    for (const row of group.rows) {
      if (!isRowReference(row)) {
        rows.push(row);
        continue;
      }
      const from = earlier[row.same];
      if (from === undefined) return null;
      if (from.line === row.line) {
        rows.push(from);
      } else {
        const to = { ...from, line: row.line };
        const key = keys.get(from);
        if (key !== undefined) keys.set(to, key);
        rows.push(to);
      }
    }
    groups.push({ scope: group.scope, rows });
  }
  return { ...delta, groups };
}

function listOf<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
