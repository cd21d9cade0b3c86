// A results file read again after an edit, from its previous reading: the rows wholly before
// the first character that changed are the previous rows themselves (the same objects, so that
// what the ledger worked out from them is kept, ledger.ts), and only the text from the end of
// the last of them is read again. Typing a new row at the end of ten years of results reads one
// row. Anything the shortcut cannot be sure of (no header, a row that could not be read, a byte-
// order mark that changed) is read whole, and the result is the same as `readResultsFile`'s.

import type { Diagnostic } from '../diagnostics/diagnostic';
import { commonPrefixLength } from '../text/changed-range';
import { report } from '../diagnostics/catalog';
import { MAX_PROBLEMS, readCsvRecords } from './csv-records';
import { LineCounter, MAX_ROWS, notRead, readResultsFile, readRows, type ResultRow, type ResultsFile, sortBySpan } from './results-file';

export function rereadResultsFile(previous: ResultsFile | undefined, rawText: string, invalidUtf8 = false): ResultsFile {
  const file = previous?.file;
  const header = previous?.header;
  if (!previous || !header || file === undefined || invalidUtf8) return readResultsFile(previous?.file ?? '', rawText, invalidUtf8);
  const bom = rawText.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom !== header.bom) return readResultsFile(file, rawText, invalidUtf8);
  const changed = firstDifference(previous.text, rawText);
  if (changed === -1) return previous;
  // The rows that end, line break included, before the change are kept.
  const kept = keptRows(previous.rows, previous.text, changed);
  const headerEnd = lineBreakAfter(previous.text, previous.text.indexOf('\n') < 0 ? previous.text.length : previous.text.indexOf('\n'));
  const from = kept.length > 0 ? lineBreakAfter(previous.text, kept[kept.length - 1].span.end) : headerEnd;
  if (from > changed || from < headerEnd) return readResultsFile(file, rawText, invalidUtf8);
  // What was found before the rows read again stands; what was found in them is found again.
  if (previous.diagnostics.some((d) => d.start < from && d.end > from)) return readResultsFile(file, rawText, invalidUtf8);
  const diagnostics: Diagnostic[] = previous.diagnostics.filter((d) => d.end <= from);
  const text = bom ? rawText.slice(1) : rawText;
  const start = from - bom;
  const table = readCsvRecords(text.slice(start), MAX_ROWS + 1 - kept.length);
  // Reading stops after so many unreadable rows, counted over the whole file.
  if (diagnostics.length + table.problems.length >= MAX_PROBLEMS) return readResultsFile(file, rawText, invalidUtf8);
  for (const p of table.problems) diagnostics.push(report('R001', { file, start: p.start + start + bom, end: p.end + start + bom }, { reason: p.reason }));
  const records = table.records.map((r) => ({ ...r, start: r.start + start, end: r.end + start }));
  const rows: ResultRow[] = kept.slice();
  // Lines are counted on from the last row kept (its own line is known), not from the top.
  const last = kept[kept.length - 1];
  const lineOfStart = last ? new LineCounter(text, last.span.start - bom, last.line - 1).lineOf(start) : new LineCounter(text).lineOf(start);
  for (const row of readRows(file, text, records, header, invalidUtf8, new LineCounter(text, start, lineOfStart), diagnostics)) rows.push(row);
  if (table.rest !== undefined) diagnostics.push(notRead(file, text, table.rest + start, bom));
  return { file, text: rawText, rows, diagnostics: sortBySpan(diagnostics), header };
}

/** The first offset where the texts differ, or -1 when they are the same. */
function firstDifference(a: string, b: string): number {
  const same = commonPrefixLength(a, b);
  return same === a.length && a.length === b.length ? -1 : same;
}

/** The rows whose line ends, break included, at or before `changed`: a prefix, as rows come in order. */
function keptRows(rows: readonly ResultRow[], text: string, changed: number): readonly ResultRow[] {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineBreakAfter(text, rows[mid].span.end) <= changed) lo = mid + 1;
    else hi = mid;
  }
  return rows.slice(0, lo);
}

/** Just past the line break at `end` (CRLF, LF or CR), or `end` when the text stops there. */
function lineBreakAfter(text: string, end: number): number {
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) return end + 2;
  if (text.charCodeAt(end) === 10 || text.charCodeAt(end) === 13) return end + 1;
  return end;
}
