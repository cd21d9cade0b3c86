// A results file (`*.results.csv`, ledger.md): its header and its rows, each row with the spans
// of its cells, and R001 for what cannot be read: a header without a required column, a row
// with another number of fields than the header, a record csv-parse cannot read, bytes that
// were not UTF-8, a kind that is not one of the four. Every other row is kept, even beside
// broken ones.

import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { cellSpans, type CsvRecord, readCsvRecords } from './csv-records';

export const RESULTS_SUFFIX = '.results.csv';

export type RowKind = 'event' | 'done' | 'result' | 'waiver';
export const ROW_KINDS: readonly RowKind[] = ['event', 'done', 'result', 'waiver'];

export type Column = 'kind' | 'name' | 'date' | 'value' | 'note';
const REQUIRED: readonly Column[] = ['kind', 'name', 'date'];
const OPTIONAL: readonly Column[] = ['value', 'note'];

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ResultRow {
  readonly kind: RowKind;
  readonly name: string;
  readonly date: string;
  readonly value: string;
  readonly note: string;
  /** The row's line, 1-based, for messages that name another row. */
  readonly line: number;
  /** The whole row, and each of its cells, as offsets into the file's text. */
  readonly span: Span;
  readonly cells: Readonly<Record<Column, Span>>;
}

export interface ResultsFile {
  readonly file: string;
  readonly text: string;
  readonly rows: readonly ResultRow[];
  /** R001 for what could not be read. */
  readonly diagnostics: readonly Diagnostic[];
  /** Where each column is, when the header could be read: what a re-reading after an edit starts from. */
  readonly header?: Header;
}

export interface Header {
  readonly columns: ReadonlyMap<Column, number>;
  readonly fieldCount: number;
  /** Where the byte-order mark left the text: 1 when there was one. */
  readonly bom: number;
}

export function isResultsFile(file: string): boolean {
  return file.endsWith(RESULTS_SUFFIX);
}

/**
 * Reads a results file. `invalidUtf8` says the bytes read were not all UTF-8 (the reader put
 * U+FFFD for them): rows holding U+FFFD are then unreadable.
 */
export function readResultsFile(file: string, rawText: string, invalidUtf8 = false): ResultsFile {
  const bom = rawText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? rawText.slice(1) : rawText;
  // The header and at most MAX_ROWS rows: a file many times larger than years of tracking is cut short.
  const table = readCsvRecords(text, MAX_ROWS + 1);
  const shift = (s: Span): Span => ({ start: s.start + bom, end: s.end + bom });
  const diagnostics: Diagnostic[] = table.problems.map((p) => report('R001', { file, ...shift(p) }, { reason: p.reason }));
  const header = table.records[0];
  if (!header) {
    if (diagnostics.length === 0) diagnostics.push(report('R001', { file, start: 0, end: 0 }, { reason: 'the file has no header row (`kind,name,date,value,note`)' }));
    return { file, text: rawText, rows: [], diagnostics };
  }
  const columns = new Map<Column, number>();
  header.fields.forEach((f, i) => {
    const name = f.trim().toLowerCase() as Column;
    if ((REQUIRED.includes(name) || OPTIONAL.includes(name)) && !columns.has(name)) columns.set(name, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    const reason = `the header has no ${missing.map((c) => '`' + c + '`').join(', ')} column (it needs \`kind\`, \`name\` and \`date\`; \`value\` and \`note\` may be left out)`;
    diagnostics.push(report('R001', { file, ...shift(header) }, { reason }));
    return { file, text: rawText, rows: [], diagnostics: sortBySpan(diagnostics) };
  }
  const head: Header = { columns, fieldCount: header.fields.length, bom };
  const rows = readRows(file, text, table.records.slice(1), head, invalidUtf8, new LineCounter(text), diagnostics);
  if (table.rest !== undefined) diagnostics.push(notRead(file, text, table.rest, bom));
  return { file, text: rawText, rows, diagnostics: sortBySpan(diagnostics), header: head };
}

/** R001 at the first row past `MAX_ROWS`. */
export function notRead(file: string, text: string, rest: number, bom: number): Diagnostic {
  return report('R001', { file, start: rest + bom, end: Math.min(text.length, rest + 1) + bom }, { reason: `the file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows; this one and those after it are not read (split the file, by year say)` });
}

/** The rows of `records` (offsets into `text`, the text without its byte-order mark), R001 into `diagnostics` for those that cannot be read. */
export function readRows(file: string, text: string, records: readonly CsvRecord[], header: Header, invalidUtf8: boolean, lines: LineCounter, diagnostics: Diagnostic[]): ResultRow[] {
  const { columns, bom } = header;
  const shift = (s: Span): Span => ({ start: s.start + bom, end: s.end + bom });
  const rows: ResultRow[] = [];
  for (const record of records) {
    const span = shift(record);
    if (record.fields.length !== header.fieldCount) {
      const reason = `it has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'} where the header has ${header.fieldCount}`;
      diagnostics.push(report('R001', { file, ...span }, { reason }));
      continue;
    }
    if (invalidUtf8 && text.slice(record.start, record.end).includes('\uFFFD')) {
      diagnostics.push(report('R001', { file, ...span }, { reason: 'it holds bytes that are not UTF-8 (shown as U+FFFD); save the file as UTF-8' }));
      continue;
    }
    const field = (c: Column): string => (columns.has(c) ? record.fields[columns.get(c)!].trim() : '');
    const kind = field('kind').toLowerCase();
    if (!ROW_KINDS.includes(kind as RowKind)) {
      const reason = `its kind ${kind === '' ? 'is empty' : '`' + field('kind') + '` is unknown'}; a kind is \`event\`, \`done\`, \`result\` or \`waiver\``;
      diagnostics.push(report('R001', { file, ...cellsOf(text, header, span).kind }, { reason }));
      continue;
    }
    const note = columns.has('note') ? record.fields[columns.get('note')!] : '';
    rows.push(new ReadRow(kind as RowKind, field('name'), field('date'), field('value'), note, lines.lineOf(record.start) + 1, span, text, header));
  }
  return rows;
}

/**
 * A row as read. Its cells' spans are found in its text when asked for: only a diagnostic about
 * the row needs them, and ten years of results are tens of thousands of rows.
 */
class ReadRow implements ResultRow {
  // Private to the class in the engine's sense too: a row compares and prints as its fields.
  readonly #text: string;
  readonly #header: Header;

  constructor(
    readonly kind: RowKind,
    readonly name: string,
    readonly date: string,
    readonly value: string,
    readonly note: string,
    readonly line: number,
    readonly span: Span,
    text: string,
    header: Header,
  ) {
    this.#text = text;
    this.#header = header;
  }

  get cells(): Readonly<Record<Column, Span>> {
    return cellsOf(this.#text, this.#header, this.span);
  }
}

/**
 * Where each column's cell is in the row at `span` (a column the file lacks: an empty span at
 * the row's end). `text` is the file's without its byte-order mark; spans count it, as the row's does.
 */
function cellsOf(text: string, header: Header, span: Span): Readonly<Record<Column, Span>> {
  const { columns, bom } = header;
  const spans = cellSpans(text, { start: span.start - bom, end: span.end - bom });
  const cell = (c: Column): Span => {
    const at = columns.get(c);
    if (at === undefined) return { start: span.end, end: span.end };
    return { start: spans[at].start + bom, end: spans[at].end + bom };
  };
  return { kind: cell('kind'), name: cell('name'), date: cell('date'), value: cell('value'), note: cell('note') };
}

/** The most rows a results file may hold: ten years of monthly results of 200 KPIs are 24,000. */
export const MAX_ROWS = 250_000;

export function sortBySpan(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** 0-based line of an offset; offsets are asked for in order, so one cursor walks forward. */
export class LineCounter {
  /** Counting starts at `offset`, which is on line `line`. */
  constructor(private readonly text: string, private offset = 0, private line = 0) {}

  lineOf(offset: number): number {
    for (; this.offset < offset; this.offset++) {
      const c = this.text.charCodeAt(this.offset);
      if (c === 10 || (c === 13 && this.text.charCodeAt(this.offset + 1) !== 10)) this.line++;
    }
    return this.line;
  }
}

/** The header a new results file starts with. */
export const RESULTS_HEADER = 'kind,name,date,value,note';
