// Where the cursor stands in a results file being typed: which column of the header its cell
// is under, the cell's span and text, and the row's kind. Read from the line itself rather than
// from the parsed rows, because a row still being typed (`done,R0`) has too few fields to be one.

import type { Column, RowKind } from './results-file';
import { ROW_KINDS } from './results-file';

export interface CellAt {
  /** The header's name for the cell's column; null on the header line or past the last column. */
  readonly column: Column | null;
  readonly onHeader: boolean;
  /** The cell's span in the text, without its quotes, and its text up to the cursor. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly prefix: string;
  /** The kind the row gives, when its kind cell holds one. */
  readonly kind: RowKind | null;
}

const COLUMNS: readonly Column[] = ['kind', 'name', 'date', 'value', 'note'];

export function cellAt(text: string, offset: number): CellAt | null {
  if (offset < 0 || offset > text.length) return null;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStart = Math.max(bom, text.lastIndexOf('\n', offset - 1) + 1);
  const lineEnd = endOfLine(text, offset);
  const headerEnd = endOfLine(text, bom);
  const cells = splitLine(text, lineStart, lineEnd);
  const index = cells.findIndex((c) => offset >= c.start && offset <= c.end);
  const cell = cells[index < 0 ? cells.length - 1 : index];
  const onHeader = lineStart === bom;
  const header = splitLine(text, bom, headerEnd).map((c) => c.text.trim().toLowerCase());
  const columnName = onHeader ? undefined : header[index];
  const column = COLUMNS.find((c) => c === columnName) ?? null;
  const kindCell = cells[header.indexOf('kind')];
  const kindText = kindCell?.text.trim().toLowerCase();
  const kind = ROW_KINDS.find((k) => k === kindText) ?? null;
  return { column, onHeader, start: cell.start, end: cell.end, text: cell.text, prefix: text.slice(cell.start, Math.max(cell.start, Math.min(offset, cell.end))), kind };
}

function endOfLine(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  const end = n < 0 ? text.length : n;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** The cells of one line, quotes taken into account; a quoted cell's span is inside its quotes. */
function splitLine(text: string, start: number, end: number): { start: number; end: number; text: string }[] {
  const cells: { start: number; end: number; text: string }[] = [];
  let i = start;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      while (j < end && !(text.charCodeAt(j) === 34 && text.charCodeAt(j + 1) !== 34)) j += text.charCodeAt(j) === 34 ? 2 : 1;
      cells.push({ start: i + 1, end: j, text: text.slice(i + 1, j).replace(/""/g, '"') });
      const comma = text.indexOf(',', j);
      if (comma < 0 || comma >= end) break;
      i = comma + 1;
    } else {
      const comma = text.indexOf(',', i);
      const cellEnd = comma < 0 || comma >= end ? end : comma;
      cells.push({ start: i, end: cellEnd, text: text.slice(i, cellEnd) });
      if (cellEnd === end) break;
      i = cellEnd + 1;
    }
  }
  return cells;
}
