// The obligation ledger: the partnerships checked together and their results files, and where
// every duty, KPI and credit stands on a given day. Pure and deterministic: the day is an
// input (no clock here), and the same contracts, rows and day give the same plain data. The
// results files' diagnostics (R001 to R008) do not depend on the day: R006 and R008 are found
// with every row counted.

import type { ChargeSymbol, EventSymbol, KpiSymbol, NormSymbol, PartnershipSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { NormModel } from '../model/semantic';
import type { VariationEffects } from '../model/variations';
import type { Unit } from '../syntax/ast';
import { formatDay } from '../values/dates';
import { fixedAmounts, type FixedAmount } from './charge-amounts';
import { creditsByYear } from './credit-caps';
import { judgePeriods, type MeasuredPeriod } from './kpi-periods';
import { type Completed, type Dated, occurrenceState, occurrencesOf } from './occurrences';
import { add, formatPennies, fromDecimalString, type Rational, ZERO } from './rational';
import type { ResultsFile } from './results-file';
import type { LedgerNames } from './names';
import { gatherRows, type LedgerPartnership, type PartnershipRows } from './rows';
import type { LedgerStatus, Money, PartnershipState, PeriodState } from './types';

export interface LedgerSource extends LedgerPartnership {
  /** The path shown for its file. */
  readonly displayFile: string;
  /** The last day of what a variation ended (a KPI, say). */
  readonly endedOn: (symbol: PartnershipSymbol) => number | undefined;
  /** 1-based line of a declaration's name. */
  readonly lineOf: (symbol: PartnershipSymbol) => number;
  /** 1-based line of an offset into a unit of any file checked together. */
  readonly lineAt: (file: string, unit: Unit, offset: number) => number;
  /** The path shown for any file (a variation's, a results file's). */
  readonly displayPath: (file: string) => string;
  /** What the variations of it did: the variations applied and each move of the term's end. */
  readonly effects: VariationEffects;
}

/** One partnership worked out on one day: the engine's own view, before it becomes JSON. */
export interface Evaluated {
  readonly source: LedgerSource;
  readonly obligations: readonly { readonly norm: NormModel; readonly occurrences: readonly Completed[]; readonly unused: readonly Dated[] }[];
  readonly kpis: readonly { readonly symbol: KpiSymbol; readonly periods: readonly MeasuredPeriod[]; readonly duplicates: ReturnType<typeof judgePeriods>['duplicates'] }[];
}

const NO_ROWS: PartnershipRows = { events: new Map(), done: new Map(), results: new Map(), waivers: new Map() };
const NONE: readonly never[] = [];

export class Ledger {
  private readonly sources: readonly LedgerSource[];
  private readonly rows: ReadonlyMap<string, PartnershipRows>;
  /** Every partnership worked out with every row counted, and the latest day any row gives. */
  private readonly everything: readonly Evaluated[];
  private readonly lastRowDay: number;
  /** What names in results rows stand for. */
  readonly names: LedgerNames;
  /** Each results file's diagnostics, sorted by position. */
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;

  constructor(sources: readonly LedgerSource[], results: readonly ResultsFile[]) {
    this.sources = [...sources].sort((a, b) => cmp(a.model.partnership.name.text, b.model.partnership.name.text) || cmp(a.displayFile, b.displayFile));
    const gathered = gatherRows(this.sources, results);
    this.rows = gathered.rows;
    this.names = gathered.names;
    this.lastRowDay = latestDay(this.rows.values());
    const everything = this.sources.map((source) => evaluatePartnership(source, this.rows.get(source.model.partnership.name.text) ?? NO_ROWS, null));
    this.everything = everything;
    for (const p of everything) {
      for (const o of p.obligations) {
        for (const u of o.unused) {
          const at = { file: u.file, ...u.row.span };
          gathered.diagnostics.get(u.file)?.push(report('R008', at, { name: u.row.name, date: u.row.date, row: u.row.kind === 'waiver' ? 'waiver' : 'done' }));
        }
      }
      for (const k of p.kpis) {
        for (const d of k.duplicates) {
          const period = k.periods.find((x) => x.period.from <= d.row.day && d.row.day <= x.period.to)?.period;
          const params = { kpi: d.row.row.name, period: period ? `${formatDay(period.from)} to ${formatDay(period.to)}` : d.row.row.date, firstLine: d.first.row.line };
          gathered.diagnostics.get(d.row.file)?.push(report('R006', { file: d.row.file, ...d.row.row.span }, params));
        }
      }
    }
    for (const list of gathered.diagnostics.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    this.diagnostics = new Map([...gathered.diagnostics].map(([file, list]) => [file, bounded(list)]));
  }

  /** Whether any results row names something of the partnership: its status is then worth showing. */
  tracks(partnership: string): boolean {
    return this.rows.has(partnership);
  }

  /** Every partnership worked out with the rows dated on or before `on` (every row when null). */
  evaluate(on: number | null): readonly Evaluated[] {
    // On a day after every row (tracking is usually up to date), nothing is left out: the
    // periods that ended by then are a prefix of all of them, and the rest is the same.
    if (on === null) return this.everything;
    if (on >= this.lastRowDay) return this.everything.map((e) => ({ ...e, kpis: e.kpis.map((k) => ({ ...k, periods: endedBy(k.periods, on) })) }));
    return this.sources.map((source) => evaluatePartnership(source, upTo(this.rows.get(source.model.partnership.name.text) ?? NO_ROWS, on), on));
  }

  /** Each partnership's source with its event rows dated on or before `on`, in the order `status` lists them. */
  eventsOn(on: number): { readonly source: LedgerSource; readonly events: ReadonlyMap<EventSymbol, readonly Dated[]> }[] {
    return this.sources.map((source) => ({ source, events: upTo(this.rows.get(source.model.partnership.name.text) ?? NO_ROWS, on).events }));
  }

  /** Where everything stands on `on` (a day number), as `partnership status --format json` prints it. */
  status(on: number): LedgerStatus {
    const evaluated = this.evaluate(on);
    const partnerships = evaluated.map((e) => partnershipState(e, on));
    let overdue = 0;
    let dueSoon = 0;
    let failedPeriods = 0;
    let missingPeriods = 0;
    const owed = new Map<string, Rational>();
    for (const p of partnerships) {
      for (const o of p.obligations) for (const x of o.occurrences) {
        if (x.status === 'overdue') overdue++;
        if (x.status === 'due-soon') dueSoon++;
      }
      for (const k of p.kpis) for (const x of k.periods) {
        if (x.status === 'failed' || x.status === 'breached') failedPeriods++;
        if (x.status === 'missing') missingPeriods++;
      }
    }
    const plus = (currency: string, amount: Rational): void => void owed.set(currency, add(owed.get(currency) ?? ZERO, amount));
    // Each charge's credits after its cap, and sums of money credits (no cap limits them) as earned.
    for (const p of partnerships) for (const c of p.charges) for (const y of c.creditsByYear) plus(y.payable.currency, fromDecimalString(y.payable.amount));
    for (const e of evaluated) for (const k of e.kpis) for (const x of k.periods) if (x.credit && x.credit.charge === null && x.status !== 'waived') plus(x.credit.currency, x.credit.amount);
    const creditsOwed: Money[] = [...owed].sort(([a], [b]) => cmp(a, b)).map(([currency, amount]) => ({ amount: formatPennies(amount), currency }));
    return { on: formatDay(on), partnerships, summary: { overdue, dueSoon, failedPeriods, missingPeriods, creditsOwed } };
  }
}

/** Diagnostics listed per results file at most: a file of a million bad rows gets a bounded report. */
export const MAX_RESULTS_DIAGNOSTICS = 1000;

/**
 * The first `MAX_RESULTS_DIAGNOSTICS`, the last of them saying how many more there are. Every
 * R001 is kept: what could not be read (at most about a hundred, csv-records.ts) must be said.
 */
function bounded(list: readonly Diagnostic[]): readonly Diagnostic[] {
  if (list.length <= MAX_RESULTS_DIAGNOSTICS) return list;
  const others = list.filter((d) => d.code !== 'R001');
  const kept = others.slice(0, MAX_RESULTS_DIAGNOSTICS);
  const more = others.length - kept.length;
  if (more > 0) {
    const last = kept[kept.length - 1];
    kept[kept.length - 1] = { ...last, message: `${last.message} (${more.toLocaleString('en-GB')} more problem${more === 1 ? '' : 's'} in this file ${more === 1 ? 'is' : 'are'} not listed.)` };
  }
  return [...kept, ...list.filter((d) => d.code === 'R001')].sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

function latestDay(rows: Iterable<PartnershipRows>): number {
  let latest = -Infinity;
  for (const r of rows) for (const m of [r.events, r.done, r.results, r.waivers] as ReadonlyMap<unknown, readonly Dated[]>[]) for (const list of m.values()) for (const d of list) latest = Math.max(latest, d.day);
  return latest;
}

/** The periods that ended on or before `on`: a prefix, since they run back to back. */
function endedBy(periods: readonly MeasuredPeriod[], on: number): readonly MeasuredPeriod[] {
  let n = 0;
  while (n < periods.length && periods[n].period.to <= on) n++;
  return n === periods.length ? periods : periods.slice(0, n);
}

function upTo(rows: PartnershipRows, on: number | null): PartnershipRows {
  if (on === null) return rows;
  const filter = <K, V extends Dated>(m: Map<K, V[]>): Map<K, V[]> => new Map([...m].map(([k, list]) => [k, list.filter((d) => d.day <= on)]));
  return { events: filter(rows.events), done: filter(rows.done), results: filter(rows.results), waivers: filter(rows.waivers) };
}

function evaluatePartnership(source: LedgerSource, rows: PartnershipRows, on: number | null): Evaluated {
  const { model, term } = source;
  const calendar = model.calendar;
  const events = model.norms.length > 0 ? new Map(source.declared.filter((s) => s.kind === 'event').map((s) => [s.name, s])) : new Map();
  const done = new Map<NormSymbol, { occurrences: Completed[]; unused: Dated[] }>();
  const visiting = new Set<NormSymbol>();
  const normOf = new Map(model.norms.map((n) => [n.symbol, n]));
  const work = (norm: NormModel): { occurrences: Completed[]; unused: Dated[] } => {
    let result = done.get(norm.symbol);
    if (result) return result;
    if (visiting.has(norm.symbol)) return { occurrences: [], unused: [] }; // a circle (P305): nothing arises
    visiting.add(norm.symbol);
    result = occurrencesOf(norm, {
      term, calendar,
      events: (e) => rows.events.get(e) ?? NONE,
      eventNamed: (name) => events.get(name),
      completions: (other) => {
        const n = normOf.get(other);
        return n ? work(n).occurrences.filter((o) => o.done).map((o) => o.done!.day).sort((a, b) => a - b) : NONE;
      },
      done: rows.done.get(norm.symbol) ?? NONE,
      waivers: rows.waivers.get(norm.symbol) ?? NONE,
    });
    visiting.delete(norm.symbol);
    done.set(norm.symbol, result);
    return result;
  };
  const obligations = model.norms.filter((n) => n.keyword === 'obligation').map((norm) => ({ norm, ...work(norm) }));
  const amounts = new Map<ChargeSymbol, FixedAmount[]>();
  const chargeAmounts = (charge: ChargeSymbol): FixedAmount[] => {
    let list = amounts.get(charge);
    if (!list) {
      const c = model.charges.find((x) => x.symbol === charge);
      amounts.set(charge, (list = c ? fixedAmounts(c, term) : []));
    }
    return list;
  };
  const kpis = model.kpis.map((kpi) => {
    const lastDay = Math.min(term.to, source.endedOn(kpi.symbol) ?? Infinity);
    const judged = judgePeriods(kpi, { term, lastDay, calendar, results: rows.results.get(kpi.symbol) ?? NONE, waivers: rows.waivers.get(kpi.symbol) ?? NONE, chargeAmounts }, on);
    return { symbol: kpi.symbol, ...judged };
  });
  return { source, obligations, kpis };
}

function partnershipState(e: Evaluated, on: number): PartnershipState {
  const { model, term } = e.source;
  const title = (s: PartnershipSymbol): string => s.title ?? '';
  return {
    name: model.partnership.name.text,
    title: model.partnership.title?.value ?? '',
    file: e.source.displayFile,
    term: { start: formatDay(term.from), end: formatDay(term.to) },
    obligations: e.obligations.map((o) => ({
      name: o.norm.symbol.name, title: title(o.norm.symbol), ...(o.norm.clause ? { clause: o.norm.clause } : {}), line: e.source.lineOf(o.norm.symbol),
      occurrences: o.occurrences.map((x) => occurrenceState(x, on)),
    })),
    kpis: e.kpis.map((k, i) => {
      // The evaluated KPIs are the model's, in its order.
      const measured = (model.kpis[i]?.symbol === k.symbol ? model.kpis[i] : model.kpis.find((m) => m.symbol === k.symbol))?.measured?.frequency;
      return {
        name: k.symbol.name, title: title(k.symbol), line: e.source.lineOf(k.symbol),
        ...(measured ? { measured: measured.kind === 'Frequency' ? measured.text : `${measured.count} ${measured.unit.replace('-', ' ')}${measured.count === 1 ? '' : 's'}` } : {}),
        periods: k.periods.map(periodState),
      };
    }),
    charges: model.charges.map((c) => ({
      name: c.symbol.name, title: title(c.symbol), line: e.source.lineOf(c.symbol),
      ...(c.cap ? { cap: `${c.cap.share.digits}% per ${c.cap.per.text}` } : {}),
      creditsByYear: creditsByYear(c.cap, fixedAmounts(c, term), term, creditsOf(e, c.symbol), currencyOf(c.amounts), on),
    })),
  };
}

function periodState(p: MeasuredPeriod): PeriodState {
  const note = p.waiver?.row.note || p.result?.row.note;
  return {
    start: formatDay(p.period.from), end: formatDay(p.period.to), status: p.status,
    ...(p.result ? { value: p.result.row.value } : {}),
    ...(p.target ? { target: p.target } : {}),
    ...(p.credit ? { credit: { amount: formatPennies(p.credit.amount), currency: p.credit.currency } } : {}),
    ...(note ? { note } : {}),
  };
}

function creditsOf(e: Evaluated, charge: ChargeSymbol): { day: number; amount: Rational }[] {
  return e.kpis.flatMap((k) => k.periods.filter((p) => p.credit && p.credit.charge === charge && p.status !== 'waived').map((p) => ({ day: p.period.from, amount: p.credit!.amount })));
}

function currencyOf(amounts: readonly { readonly amount: { readonly currency: string | null } }[]): string {
  return amounts.find((a) => a.amount.currency)?.amount.currency ?? 'GBP';
}


const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
