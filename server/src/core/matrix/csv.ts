// The obligation matrix as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break, quotes doubled), one row per norm. A field that a
// spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
// return) is neutralised as OWASP advises: a leading `'` makes it text. Written in chunks, so a
// matrix of hundreds of thousands of rows never becomes one string.

import { cellText, changeText, docParagraphs, FIXED_HEADERS, groupsOf, kpiText } from '../../../../shared/out/matrix-wording';
import { sectionTables } from '../../../../shared/out/matrix-sections';
import type { Matrix, MatrixRow, RowChange } from '../../../../shared/out/matrix';
import type { RenderOptions } from './render-options';

const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters gathered before they are handed on. */
const CHUNK = 1 << 16;

export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Hands the CSV to `write` in pieces of about 64 KB, row by row. */
export function writeCsv(matrix: Matrix, write: (chunk: string) => void, options: RenderOptions = {}): void {
  writeCsvOf(matrix, groupsOf(matrix, options.grouping ?? 'scope'), write);
}

/**
 * The same, with the rows of `groups` read one at a time: `matrix` gives the columns and the
 * further sections (its own groups are not read), so the rows may be made as they are written.
 */
export function writeCsvOf(matrix: Matrix, groups: Iterable<{ readonly title: string; readonly rows: Iterable<MatrixRow> }>, write: (chunk: string) => void): void {
  let pending = '';
  /** Adds a record (its fields already CSV text), handing on what is gathered once it is a chunk. */
  const record = (line: string): void => {
    pending += line + '\r\n';
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  };
  const row = (fields: readonly string[]): void => record(fields.map(csvField).join(','));
  row(['Group', 'Norm', 'Kind', 'Title', 'Statement', ...matrix.parties.map((p) => p.id), ...FIXED_HEADERS, 'Notes', 'Amount', 'Doc', 'Changes']);
  // Every row that follows the term lists the same term changes (the very same list): its field
  // is made once, rather than a long field made and dropped again for each of the rows. A row's
  // own list (an end, or none) is made for it alone and not kept.
  const changeFields = new Map<readonly RowChange[], string>();
  const changesField = (changes: readonly RowChange[]): string => {
    let field = changeFields.get(changes);
    if (field === undefined) {
      field = csvField(changes.map(changeText).join('\n'));
      if (changes.length > 1) changeFields.set(changes, field);
    }
    return field;
  };
  for (const group of groups) {
    const title = group.title;
    for (const r of group.rows) {
      const fields = [title, r.norm, r.kind, r.title, r.statement, ...matrix.parties.map((p) => cellText(r, p.id)), r.when, kpiText(r), r.consequence, r.clause, r.notes.join('\n'), r.amount, docParagraphs(r.doc).join('\n')];
      record(`${fields.map(csvField).join(',')},${changesField(r.changes)}`);
    }
  }
  // Each further section after an empty record: its title, its columns' labels, its rows, its notes.
  for (const table of sectionTables(matrix)) {
    record('');
    row([table.title]);
    row(table.columns.map((c) => c.label));
    for (const r of table.rows) row(r.cells.map((lines) => lines.join('\n')));
    for (const note of table.notes) row([note]);
  }
  if (pending) write(pending);
}

export function renderCsv(matrix: Matrix, options: RenderOptions = {}): string {
  const chunks: string[] = [];
  writeCsv(matrix, (chunk) => chunks.push(chunk), options);
  return chunks.join('');
}
