// `partnership status` and `partnership calendar`: the obligation ledger of the contracts and
// results files named (folders searched for both). The day is the command's `--on`, else
// today: the clock is read here, never in the core. Diagnostics of the contracts and results
// files go to standard error; the exit code is 1 when any is an error, as for `check`.

import * as path from 'node:path';
import { Analysis } from '../core/analysis/analysis';
import { type CalendarEntries, calendarEntries, itemOf } from '../core/ledger/calendar';
import { writeCalendarCsv, writeIcs } from '../core/ledger/calendar-formats';
import { type ByteSink, ByteWriter } from '../core/text/byte-writer';
import { ledgerOf } from '../core/ledger/from-analysis';
import type { Ledger } from '../core/ledger/ledger';
import { isResultsFile, readResultsFile, type ResultsFile } from '../core/ledger/results-file';
import { renderStatusHtml, renderStatusMarkdown } from '../core/ledger/status-render';
import { timelinesOf } from '../core/ledger/timeline';
import { checkReport, countBySeverity, type CheckReport } from '../core/report/check-report';
import { LineIndex } from '../core/text/line-index';
import { dayNumber, formatDay, localDay } from '../core/values/dates';
import { collectFiles, collectResultsFiles, diskHost, readText, readTextNoting, relative, UsageError } from './files';
import { formatText } from './format-text';
import { formatStatusText } from './status-text';
import { writeJson, writeJsonList } from './streamed-json';

export interface LedgerIo {
  readonly stdout: (text: string) => void;
  /** Standard output as bytes, where it takes them (see `ByteSink`); else bytes are decoded and go to `stdout`. */
  readonly stdoutBytes?: ByteSink;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

interface Loaded {
  readonly ledger: Ledger;
  readonly errors: number;
}

/** Reads the contracts and results files named, reports their diagnostics on stderr, and builds the ledger. */
function load(positionals: readonly string[], io: LedgerIo): Loaded {
  if (positionals.length === 0) throw new UsageError('needs at least one file or folder');
  // Results files named alone are read with the contracts of their folders.
  const named = positionals.filter((p) => !isResultsFile(p));
  const contracts = collectFiles(named.length > 0 ? named : [...new Set(positionals.map((p) => path.dirname(p)))]);
  // Checked once: the analysis keeps nothing for a later one (see `Analysis.final`).
  const analysis = new Analysis(contracts.map((file) => ({ file, text: readText(file) })), diskHost, undefined, { final: true });
  const results = readResultsFiles(positionals);
  const ledger = ledgerOf(analysis, results, relative);
  const report = withResults(checkReport(analysis, contracts, relative), results, ledger);
  const errors = countBySeverity(report).error;
  // Errors and warnings only: hints and information belong to `check`.
  const serious = report.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning') })).filter((f) => f.diagnostics.length > 0);
  if (serious.length > 0) {
    const textOf = (p: string): string | undefined => analysis.files.get(path.resolve(p))?.text ?? results.find((r) => relative(r.file) === p)?.text;
    io.stderr(formatText({ files: serious }, textOf, io.isTty));
  }
  return { ledger, errors };
}

/** The results files named, and those in the folders named, read. */
export function readResultsFiles(positionals: readonly string[]): ResultsFile[] {
  return collectResultsFiles(positionals).map((file) => {
    const { text, invalidUtf8 } = readTextNoting(file);
    return readResultsFile(file, text, invalidUtf8);
  });
}

/** The check report with the results files' diagnostics added, in the same shape. */
export function withResults(report: CheckReport, results: readonly ResultsFile[], ledger: Ledger): CheckReport {
  const files = results.map((r) => {
    const lines = new LineIndex(r.text);
    const range = (start: number, end: number) => ({ start: lines.position(start), end: lines.position(end) });
    return {
      path: relative(r.file),
      diagnostics: (ledger.diagnostics.get(r.file) ?? []).map((d) => ({
        code: d.code, severity: d.severity, range: range(d.start, d.end), message: d.message, related: [],
        fixes: d.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ path: relative(e.file), range: range(e.start, e.end), newText: e.newText })) })),
      })),
    };
  });
  return { files: [...report.files, ...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

export function dayOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayNumber(value) : null;
  if (day === null) throw new UsageError(`${option} must be a calendar day written YYYY-MM-DD (got '${value}')`);
  return day;
}

/** Today where the command runs: the one place the ledger's commands read the clock. */
function today(): number {
  return localDay(new Date());
}

export function statusCommand(values: Readonly<Record<string, unknown>>, positionals: readonly string[], format: string, io: LedgerIo): number {
  const on = dayOption(values.on as string | undefined, '--on') ?? today();
  const { ledger, errors } = load(positionals, io);
  const status = ledger.status(on);
  if (format === 'json') {
    // Written a declaration at a time: the occurrences of a long term are tens of megabytes of JSON.
    const out = byteOutput(io);
    writeJson(status, STATUS_JSON_LEVELS, out);
    out.text('\n');
    out.flush();
  } else if (format === 'html') io.stdout(renderStatusHtml(status, timelinesOf(ledger, status)));
  else if (format === 'md') io.stdout(renderStatusMarkdown(status));
  else io.stdout(formatStatusText(status));
  return errors > 0 ? 1 : 0;
}

export function calendarCommand(values: Readonly<Record<string, unknown>>, positionals: readonly string[], format: string, product: string, io: LedgerIo): number {
  const from = dayOption(values.from as string | undefined, '--from');
  const to = dayOption(values.to as string | undefined, '--to');
  if (from !== undefined && to !== undefined && to < from) throw new UsageError(`--to ${formatDay(to)} is before --from ${formatDay(from)}`);
  const { ledger, errors } = load(positionals, io);
  const entries = calendarEntries(ledger, { from, to });
  // Written as bytes, in pieces of 64 KB: a long term's calendar is too large for one string.
  const out = byteOutput(io);
  if (format === 'csv') writeCalendarCsv(entries, out);
  else if (format === 'json') writeCalendarJson(entries, out);
  else writeIcs(entries, product, out);
  out.flush();
  return errors > 0 ? 1 : 0;
}

/**
 * The levels of the status whose members are written one by one: the status, its list of
 * partnerships, each partnership and its lists; each obligation, KPI and charge is then
 * made a string whole.
 */
const STATUS_JSON_LEVELS = 4;

/** `{ "items": [...] }`, as JSON.stringify indents it, an item made at a time as it is written. */
function writeCalendarJson(entries: CalendarEntries, out: ByteWriter): void {
  out.text('{\n  "items": ');
  writeJsonList(entries.length, (i) => itemOf(entries.at(i)), '  ', 1, out);
  out.text('\n}\n');
}

/** Standard output as bytes, where it takes them; else each piece decoded and written as text. */
function byteOutput(io: LedgerIo): ByteWriter {
  return new ByteWriter(io.stdoutBytes ?? ((bytes) => {
    io.stdout(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    return true; // decoded into a string: the bytes are free again
  }));
}

