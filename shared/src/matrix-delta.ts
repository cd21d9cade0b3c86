// A matrix as a change to an earlier one, so that the live preview of a 5,000-norm contract
// moves a few rows per keystroke, not the whole matrix. A row that is the same as one of the
// earlier matrix's rows (apart from its line) is sent as a reference to it; a section (events,
// money, KPIs, governance, variations, exclusivity, conflicts, parties) that is the same as the
// earlier one is named as unchanged and sent empty; the rest is small and sent whole.

import type { Matrix, MatrixGroup, MatrixMoney, MatrixRow } from './matrix';

/** Row `same` of the earlier matrix (counting every group's rows in order), now at `line`. */
export interface RowReference {
  readonly same: number;
  readonly line: number;
}

/** The sections a change may name as the same as the earlier matrix's. */
export const SECTIONS = ['parties', 'exclusivity', 'conflicts', 'events', 'money', 'kpis', 'governance', 'variations'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface MatrixDelta extends Omit<Matrix, 'groups'> {
  readonly groups: readonly {
    readonly scope: MatrixGroup['scope'];
    readonly rows: readonly DeltaRow[];
  }[];
  /** Sections the same as the earlier matrix's: sent empty, taken from it. Absent or empty in a whole matrix. */
  readonly unchanged?: readonly SectionName[];
}

const NO_MONEY: MatrixMoney = { charges: [], fixedCharges: [], years: [], totals: [], total: '', yearsNote: '' };

/** Each section's text, kept while the matrix that holds it is the one a change is made against. */
const sectionTexts = new WeakMap<object, string>();

function sectionText(value: object): string {
  let text = sectionTexts.get(value);
  if (text === undefined) sectionTexts.set(value, (text = JSON.stringify(value)));
  return text;
}

/**
 * `count` rows of the earlier matrix from row `from` on, each `shift` lines from where it was:
 * what a keystroke leaves of thousands of rows, in a few bytes.
 */
export interface RowRun {
  readonly from: number;
  readonly count: number;
  readonly shift: number;
}

export type DeltaRow = MatrixRow | RowReference | RowRun;

export const isRowReference = (row: DeltaRow): row is RowReference => 'same' in row;
export const isRowRun = (row: DeltaRow): row is RowRun => 'from' in row && 'count' in row;

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

/**
 * `next` as a change to `base` (null: no earlier matrix, every row sent whole). A row is keyed
 * only when it is not the very object at its place in `base` (most rows, after a keystroke),
 * and unchanged rows become runs as they are met, so a matrix of 50,000 rows of which one
 * changed costs a pass over the rows, not a key and an object for each.
 */
export function matrixDelta(base: Matrix | null, next: Matrix): MatrixDelta {
  const earlierRows = base ? base.groups.flatMap((group) => group.rows) : [];
  // Each earlier row is referred to at most once, so a row given twice stays twice. A row that
  // is the very object at the same place (the server keeps an unchanged norm's row) is that
  // row; the others are found by their keys among the earlier rows left.
  const taken = new Uint8Array(earlierRows.length);
  let at = 0;
  for (const group of next.groups) {
    for (const row of group.rows) {
      if (at < earlierRows.length && earlierRows[at] === row) taken[at] = 1;
      at++;
    }
  }
  let unused: Map<string, number[]> | undefined;
  const byKey = (row: MatrixRow): number | undefined => {
    if (!unused) {
      unused = new Map();
      for (let i = earlierRows.length - 1; i >= 0; i--) if (!taken[i]) listOf(unused, rowKey(earlierRows[i])).push(i);
    }
    return unused.get(rowKey(row))?.pop();
  };
  at = 0;
  const groups = next.groups.map((group) => {
    const rows: DeltaRow[] = [];
    // The run being gathered: earlier rows from `from` on, each `shift` lines from where it was.
    let from = -1;
    let count = 0;
    let shift = 0;
    const endRun = (): void => {
      if (count === 1) rows.push({ same: from, line: earlierRows[from].line + shift });
      else if (count > 1) rows.push({ from, count, shift });
      count = 0;
    };
    for (const row of group.rows) {
      const i = at++;
      const same = i < earlierRows.length && earlierRows[i] === row ? i : base ? byKey(row) : undefined;
      if (same === undefined) {
        endRun();
        rows.push(row);
        continue;
      }
      const moved = row.line - earlierRows[same].line;
      if (count > 0 && same === from + count && moved === shift) {
        count++;
        continue;
      }
      endRun();
      from = same;
      count = 1;
      shift = moved;
    }
    endRun();
    return { scope: group.scope, rows };
  });
  if (!base) return { ...next, groups };
  const unchanged = SECTIONS.filter((name) => sectionText(base[name]) === sectionText(next[name]));
  const emptied: Partial<Record<SectionName, unknown>> = {};
  for (const name of unchanged) emptied[name] = name === 'money' ? NO_MONEY : [];
  return { ...next, ...(emptied as Partial<Matrix>), groups, unchanged };
}

/**
 * The matrix a delta describes, given the matrix it was made against (null for none). Rows
 * that did not change are the very objects of `base` when their line is the same too, and a
 * copy on its new line keeps the earlier row's key, so only changed rows are keyed again. Null
 * when the delta refers to a row `base` does not have.
 */
export function applyMatrixDelta(base: Matrix | null, delta: MatrixDelta): Matrix | null {
  const unchanged = delta.unchanged ?? [];
  if (unchanged.length > 0 && !base) return null;
  const kept: Partial<Record<SectionName, unknown>> = {};
  for (const name of unchanged) kept[name] = base![name];
  const earlier = base ? base.groups.flatMap((group) => group.rows) : [];
  const groups: MatrixGroup[] = [];
  for (const group of delta.groups) {
    const rows: MatrixRow[] = [];
    for (const row of group.rows) {
      if (isRowRun(row)) {
        for (let k = 0; k < row.count; k++) {
          const from = earlier[row.from + k];
          if (from === undefined) return null;
          rows.push(moved(from, from.line + row.shift));
        }
        continue;
      }
      if (!isRowReference(row)) {
        rows.push(row);
        continue;
      }
      const from = earlier[row.same];
      if (from === undefined) return null;
      rows.push(moved(from, row.line));
    }
    groups.push({ scope: group.scope, rows });
  }
  const { unchanged: _named, ...matrix } = delta;
  return { ...matrix, ...(kept as Partial<Matrix>), groups };
}

/** An earlier row on `line`: the very object when it has not moved, else a copy that keeps its key. */
function moved(from: MatrixRow, line: number): MatrixRow {
  if (from.line === line) return from;
  const to = { ...from, line };
  const key = keys.get(from);
  if (key !== undefined) keys.set(to, key);
  return to;
}

function listOf<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
