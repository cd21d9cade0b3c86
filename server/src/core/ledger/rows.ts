// The rows of the results files checked together, sorted to the partnership and declaration
// each names, with R002 to R005 and R007 for rows that cannot count (R007 rows still count).

import type { EventSymbol, KpiSymbol, NormSymbol, PartnershipSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileModel, KpiModel } from '../model/semantic';
import { dateProblem, dayNumber, formatDay, lastDayNumber, type Period } from '../values/dates';
import type { MeasuredRow } from './kpi-periods';
import { describeDimension, type Measure, parseMeasure, quantityMeasure } from './measure';
import { LedgerNames } from './names';
import type { Dated } from './occurrences';
import type { ResultRow, ResultsFile } from './results-file';

/** A partnership of the files checked together, as the ledger reads it: its model and term as varied. */
export interface LedgerPartnership {
  readonly model: FileModel;
  readonly term: Period;
  readonly declared: readonly PartnershipSymbol[];
}

/** What the rows say about one partnership. */
export interface PartnershipRows {
  readonly events: Map<EventSymbol, Dated[]>;
  readonly done: Map<NormSymbol, Dated[]>;
  readonly results: Map<KpiSymbol, MeasuredRow[]>;
  readonly waivers: Map<NormSymbol | KpiSymbol, Dated[]>;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** What one row comes to: the diagnostics it gets, and where it counts (if it counts). */
export interface RowOutcome {
  readonly diagnostics: readonly Diagnostic[];
  readonly placed?: { readonly partnership: string; readonly bucket: keyof PartnershipRows; readonly symbol: EventSymbol | NormSymbol | KpiSymbol; readonly dated: Dated | MeasuredRow };
}

/** The rows of every results file sorted to their declarations, with what each row came to. */
export interface Gathered {
  readonly rows: Map<string, PartnershipRows>;
  readonly diagnostics: Map<string, Diagnostic[]>;
  readonly names: LedgerNames;
  /** By row: a row read again as the same object (results-reread.ts) comes to the same. */
  readonly outcomes: ReadonlyMap<ResultRow, RowOutcome>;
}

/**
 * Gathers the rows of `files` for `partnerships`. With `previous`, gathered for the very same
 * partnerships, a row that is the same object as one it gathered comes to what it came to then.
 */
export function gatherRows(partnerships: readonly LedgerPartnership[], files: readonly ResultsFile[], previous?: Gathered): Gathered {
  const names = previous?.names ?? new LedgerNames(partnerships.flatMap((p) => p.declared.map((symbol) => ({ partnership: p.model.partnership.name.text, symbol }))));
  const byName = new Map(partnerships.map((p) => [p.model.partnership.name.text, p]));
  const kpiUnits = new Map(partnerships.flatMap((p) => p.model.kpis.map((k) => [k.symbol, expectedDimension(k)] as const)));
  const rows = new Map<string, PartnershipRows>();
  const diagnostics = new Map<string, Diagnostic[]>();
  const outcomes = new Map<ResultRow, RowOutcome>();
  const days = new Map<string, DayOrProblem>();
  const measures = new Map<string, Measure | null>();
  const outcomeOf = (row: ResultRow, file: string): RowOutcome => {
    const target = names.resolve(row, file);
    if ('code' in target) return { diagnostics: [target] };
    const date = checkDate(row, file, row.kind === 'event' || row.kind === 'done', days);
    if ('code' in date) return { diagnostics: [date] };
    const p = byName.get(target.partnership)!;
    // Most rows get no diagnostic: they share one empty list (a results file has tens of thousands of rows).
    const found: readonly Diagnostic[] = date.lastDay < p.term.from || date.day > p.term.to
      ? [report('R007', { file, ...row.cells.date }, { date: row.date, partnership: target.partnership, from: formatDay(p.term.from), to: formatDay(p.term.to) })]
      : NONE;
    const placed = (bucket: keyof PartnershipRows, dated: Dated): RowOutcome => ({ diagnostics: found, placed: { partnership: target.partnership, symbol: target.symbol, dated, bucket } });
    if (row.kind === 'result' && target.kind === 'kpi') {
      const measured = measuredRow(kpiUnits.get(target.symbol) ?? null, row, date, file, measures);
      if ('code' in measured) return { diagnostics: [...found, measured] };
      return placed('results', measured);
    }
    const dated: Dated = { day: date.day, lastDay: date.lastDay, file, row };
    if (row.kind === 'event' && target.kind === 'event') return placed('events', dated);
    if (row.kind === 'done' && target.kind === 'obligation') return placed('done', dated);
    if (row.kind === 'waiver') return placed('waivers', dated);
    return { diagnostics: found };
  };
  for (const f of files) {
    const out: Diagnostic[] = [...f.diagnostics];
    diagnostics.set(f.file, out);
    for (const row of f.rows) {
      const outcome = previous?.outcomes.get(row) ?? outcomeOf(row, f.file);
      outcomes.set(row, outcome);
      for (const d of outcome.diagnostics) out.push(d);
      const placed = outcome.placed;
      if (!placed) continue;
      let into = rows.get(placed.partnership);
      if (!into) rows.set(placed.partnership, (into = { events: new Map(), done: new Map(), results: new Map(), waivers: new Map() }));
      push(into[placed.bucket] as Map<unknown, Dated[]>, placed.symbol, placed.dated);
    }
  }
  for (const r of rows.values()) for (const list of [...r.events.values(), ...r.done.values(), ...r.waivers.values(), ...r.results.values()]) list.sort((a, b) => a.day - b.day);
  return { rows, diagnostics, names, outcomes };
}

function checkDate(row: ResultRow, file: string, dayNeeded: boolean, days: Map<string, DayOrProblem>): { day: number; lastDay: number } | Diagnostic {
  // A results file repeats the same few hundred dates: each is read once.
  let read = days.get(row.date);
  if (!read) days.set(row.date, (read = readDate(row.date)));
  const fail = (reason: string): Diagnostic => report('R004', { file, ...row.cells.date }, { date: row.date, reason });
  if ('problem' in read) return fail(read.problem);
  if (row.date.length === 7 && dayNeeded) return fail(`${row.kind === 'event' ? 'an' : 'a'} \`${row.kind}\` row needs the day it happened (YYYY-MM-DD), not a month`);
  return read;
}

type DayOrProblem = { readonly day: number; readonly lastDay: number } | { readonly problem: string };

function readDate(date: string): DayOrProblem {
  if (!DATE.test(date)) return { problem: date === '' ? 'the date is empty; write it as YYYY-MM-DD' : 'write a date as YYYY-MM-DD (or YYYY-MM for a month)' };
  const problem = dateProblem(date);
  if (problem) return { problem };
  if (date.length === 4) return { problem: 'a year is too long a stretch here; write the day (YYYY-MM-DD) or, for a result or waiver, the month (YYYY-MM)' };
  return { day: dayNumber(date)!, lastDay: lastDayNumber(date)! };
}

/** The dimension of a KPI's unit: that of its targets, thresholds and credit conditions (null when it has none). */
function expectedDimension(model: KpiModel): Measure['dimension'] | null {
  const bound = model.targets[0]?.value ?? model.thresholds[0]?.value ?? model.credits[0]?.node.value;
  return bound ? quantityMeasure(bound).dimension : null;
}

/** The row's value as a measure in the KPI's unit, or R005. */
function measuredRow(expected: Measure['dimension'] | null, row: ResultRow, date: { readonly day: number; readonly lastDay: number }, file: string, measures: Map<string, Measure | null>): MeasuredRow | Diagnostic {
  // Values repeat (`99.8%` month after month): each is read once.
  let measure = measures.get(row.value);
  if (measure === undefined) measures.set(row.value, (measure = parseMeasure(row.value)));
  if (measure && (expected === null || measure.dimension === expected)) return { day: date.day, lastDay: date.lastDay, file, row, measure };
  const unit = expected ? describeDimension(expected) : 'a number, a percentage, an amount or a duration';
  return report('R005', { file, ...row.cells.value }, { value: row.value, kpi: row.name, unit });
}

const NONE: readonly Diagnostic[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
