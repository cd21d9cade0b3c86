// The records of a CSV text (RFC 4180), each with where it stands in the text, so that a
// diagnostic can point at a row or a cell. A plain file is read in one pass here; any other is
// read by csv-parse, record by record: a record it cannot read (a stray or unclosed quote, a
// record over the size limit) becomes a problem at its line, and reading goes on from the next
// line: the good rows around it still count. Bounded: a record is at most `MAX_RECORD_CHARS`
// long and reading stops after `MAX_PROBLEMS` problems, so a hostile file costs time
// proportional to its size.

import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  readonly fields: readonly string[];
  /** Offsets into the text (UTF-16 code units) of the record, without its line break. */
  readonly start: number;
  readonly end: number;
}

export interface CsvProblem {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

export interface CsvTable {
  readonly records: readonly CsvRecord[];
  readonly problems: readonly CsvProblem[];
}

export const MAX_RECORD_CHARS = 1_000_000;
export const MAX_PROBLEMS = 100;

const OPTIONS = {
  relax_column_count: true,
  max_record_size: MAX_RECORD_CHARS,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/**
 * The records of `text` (a byte order mark, if any, already removed), blank lines left out;
 * reading stops after `maxRecords` records, and `rest` is then where the text goes on.
 */
export function readCsvRecords(text: string, maxRecords = Infinity): CsvTable & { readonly rest?: number } {
  return readWhole(text, maxRecords) ?? readRecordByRecord(text, maxRecords);
}

/**
 * A file of plain RFC 4180, with fewer records than `maxRecords`: its records, read here in one
 * pass (csv-parse reads the same records, at several times the cost, and a results file of ten
 * years of monthly results for 200 KPIs has 24,000). Null at the first thing that is not plain:
 * a quote that does not open its field, anything but a comma or a line break after a closing
 * quote, a quote never closed, a record of more than `PLAIN_RECORD_CHARS` characters; such a
 * file is read by csv-parse, record by record (below), which says what is wrong with it.
 */
export function readWhole(text: string, maxRecords: number): CsvTable | null {
  const records: CsvRecord[] = [];
  let count = 0; // every record, a blank line's included, as csv-parse counts them
  let fields: string[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let close = text.indexOf('"', i + 1);
      let escaped = false;
      while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
        escaped = true;
        close = text.indexOf('"', close + 2);
      }
      if (close < 0) return null;
      value = text.slice(i + 1, close);
      if (escaped) value = value.replaceAll('""', '"');
      i = close + 1;
      if (i < n && !isFieldEnd(text.charCodeAt(i))) return null;
    } else {
      let end = i;
      for (; end < n; end++) {
        const c = text.charCodeAt(end);
        if (isFieldEnd(c)) break;
        if (c === QUOTE) return null;
      }
      value = text.slice(i, end);
      i = end;
    }
    fields.push(value);
    if (i - start > PLAIN_RECORD_CHARS) return null;
    if (i < n && text.charCodeAt(i) === COMMA) {
      i++;
      // A comma that ends the text ends its record with an empty field.
      if (i === n) fields.push('');
      else continue;
    }
    // The record ends: at a line break, or with the text.
    if (++count >= maxRecords) return null;
    if (fields.length > 1 || fields[0] !== '') records.push({ fields, start, end: i });
    fields = [];
    if (i < n) i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    start = i;
  }
  return { records, problems: [] };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Longer records are left to csv-parse, whose limit (`MAX_RECORD_CHARS`) counts otherwise. */
const PLAIN_RECORD_CHARS = 100_000;

function isFieldEnd(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}

/** Each record placed as csv-parse reads it, a problem at its line and reading going on from the next. */
export function readRecordByRecord(text: string, maxRecords: number): CsvTable & { readonly rest?: number } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let base = 0;
  while (base < text.length) {
    const chunk = base === 0 ? text : text.slice(base);
    const offsets = new ByteOffsets(chunk);
    let lastEnd = 0; // bytes of the chunk read up to the end of the last good record
    try {
      parse(chunk, {
        ...OPTIONS,
        ...(Number.isFinite(maxRecords) ? { to: maxRecords - records.length } : {}),
        on_record: (record: string[], context: { bytes: number }) => {
          const start = base + offsets.toChars(lastEnd);
          const end = base + offsets.toChars(context.bytes);
          lastEnd = context.bytes;
          if (record.length > 1 || record[0] !== '') records.push({ fields: record, start, end: withoutLineBreak(text, start, end) });
          return null; // kept here, not in csv-parse's own list
        },
      });
      if (records.length >= maxRecords) {
        const rest = base + offsets.toChars(lastEnd);
        if (text.slice(rest).trim() !== '') return { records, problems, rest };
      }
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const start = base + offsets.toChars(lastEnd);
      const lineEnd = endOfLine(text, start);
      problems.push({ start, end: lineEnd, reason: reasonOf(error) });
      base = afterLineBreak(text, lineEnd);
      if (problems.length >= MAX_PROBLEMS && base < text.length) {
        problems.push({ start: base, end: endOfLine(text, base), reason: `reading stopped after ${MAX_PROBLEMS} unreadable rows; the rest of the file is not read` });
        break;
      }
    }
  }
  return { records, problems };
}

function reasonOf(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (a `"` is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field goes on after its closing quote (write `""` for a quote inside a quoted field)';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote stands inside an unquoted field (quote the whole field and write `""` for the quote)';
    case 'CSV_MAX_RECORD_SIZE':
      return `it is longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters`;
    default:
      return 'it is not valid CSV';
  }
}

function endOfLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function afterLineBreak(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10) return lineEnd + 2;
  return Math.min(text.length, lineEnd + 1);
}

function withoutLineBreak(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
  return e;
}

/**
 * csv-parse counts UTF-8 bytes; diagnostics count UTF-16 code units. Records come in order, so
 * one cursor walks forward through the text, converting each offset in passing.
 */
class ByteOffsets {
  private chars = 0;
  private bytes = 0;

  constructor(private readonly text: string) {}

  toChars(bytes: number): number {
    if (bytes < this.bytes) {
      this.chars = 0;
      this.bytes = 0;
    }
    while (this.bytes < bytes && this.chars < this.text.length) {
      const c = this.text.charCodeAt(this.chars);
      if (c < 0x80) this.bytes += 1;
      else if (c < 0x800) this.bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && this.chars + 1 < this.text.length) {
        const next = this.text.charCodeAt(this.chars + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.bytes += 4;
          this.chars += 2;
          continue;
        }
        this.bytes += 3;
      } else this.bytes += 3;
      this.chars++;
    }
    return this.chars;
  }
}

/** Where each cell of a record stands: csv-parse gives the values, this finds their spans in the record's text. */
export function cellSpans(text: string, record: { readonly start: number; readonly end: number }): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let i = record.start;
  let cellStart = i;
  let quoted = false;
  for (; i < record.end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      spans.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  spans.push({ start: cellStart, end: record.end });
  return spans;
}
