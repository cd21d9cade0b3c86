// The obligation ledger: the partnerships checked together and their results files, and where
// every duty, KPI and credit stands on a given day. Pure and deterministic: the day is an
// input (no clock here), and the same contracts, rows and day give the same plain data. The
// results files' diagnostics (R001 to R008) do not depend on the day: R006 and R008 are found
// with every row counted.

import type { ChargeSymbol, EventSymbol, PartnershipSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatDay } from '../values/dates';
import { fixedAmounts } from './charge-amounts';
import { creditsByYear } from './credit-caps';
import { type Evaluated, type EvaluatedKpi, type EvaluatedObligation, evaluatePartnership, type LedgerSource, NO_ROWS } from './evaluate';
import type { MeasuredPeriod } from './kpi-periods';
import { type Dated, type Occurrences, occurrenceState } from './occurrences';
import { add, formatPennies, fromDecimalString, type Rational, ZERO } from './rational';
import type { ResultsFile } from './results-file';
import { statusCounts, withStandingFrom } from './standing';
import type { LedgerNames } from './names';
import { type Gathered, gatherRows, type PartnershipRows } from './rows';
import type { KpiState, LedgerStatus, Money, ObligationState, OccurrenceState, PartnershipState, PeriodState } from './types';

export type { Evaluated, LedgerSource } from './evaluate';

export class Ledger {
  private readonly sources: readonly LedgerSource[];
  private readonly rows: ReadonlyMap<string, PartnershipRows>;
  private readonly gathered: Gathered;
  /** Every partnership worked out with every row counted, and the latest day any row gives. */
  private readonly everything: readonly Evaluated[];
  private readonly lastRowDay: number;
  /** What names in results rows stand for. */
  readonly names: LedgerNames;
  /** Each results file's diagnostics, sorted by position. */
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;

  /**
   * `previous`, a ledger of the very same sources (see `withResults`), lends what its rows and
   * declarations came to, where they are the same objects.
   */
  constructor(sources: readonly LedgerSource[], results: readonly ResultsFile[], previous?: Ledger) {
    this.sources = previous ? previous.sources : [...sources].sort((a, b) => cmp(a.model.partnership.name.text, b.model.partnership.name.text) || cmp(a.displayFile, b.displayFile));
    const gathered = gatherRows(this.sources, results, previous?.gathered);
    this.gathered = gathered;
    this.rows = gathered.rows;
    this.names = gathered.names;
    this.lastRowDay = latestDay(this.rows.values());
    const everything = this.sources.map((source, i) => evaluatePartnership(source, this.rows.get(source.model.partnership.name.text) ?? NO_ROWS, null, previous?.everything[i]));
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
          const period = k.spans.find((x) => x.from <= d.row.day && d.row.day <= x.to);
          const params = { kpi: d.row.row.name, period: period ? `${formatDay(period.from)} to ${formatDay(period.to)}` : d.row.row.date, firstLine: d.first.row.line };
          gathered.diagnostics.get(d.row.file)?.push(report('R006', { file: d.row.file, ...d.row.row.span }, params));
        }
      }
    }
    for (const list of gathered.diagnostics.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    this.diagnostics = new Map([...gathered.diagnostics].map(([file, list]) => [file, bounded(list)]));
  }

  /** The same contracts with other results files: what rows and declarations that did not change came to is kept. */
  withResults(results: readonly ResultsFile[]): Ledger {
    return new Ledger(this.sources, results, this);
  }

  /** Whether any results row names something of the partnership: its status is then worth showing. */
  tracks(partnership: string): boolean {
    return this.rows.has(partnership);
  }

  /** Every partnership worked out with the rows dated on or before `on` (every row when null). */
  evaluate(on: number | null): readonly Evaluated[] {
    // On a day after every row (tracking is usually up to date), nothing is left out: the
    // periods that ended by then are a prefix of all of them, and the rest is the same.
    // The periods are cut at `on` by whoever reads them (`endedBy`).
    if (on === null || on >= this.lastRowDay) return this.everything;
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
    const owed = new Map<string, Rational>();
    const plus = (currency: string, amount: Rational): void => void owed.set(currency, add(owed.get(currency) ?? ZERO, amount));
    // Each charge's credits after its cap, and sums of money credits (no cap limits them) as earned.
    for (const p of partnerships) for (const c of p.charges) for (const y of c.creditsByYear) plus(y.payable.currency, fromDecimalString(y.payable.amount));
    for (const e of evaluated) for (const k of e.kpis) for (const x of endedBy(k.periods, on)) if (x.credit && x.credit.charge === null && x.status !== 'waived') plus(x.credit.currency, x.credit.amount);
    const creditsOwed: Money[] = [...owed].sort(([a], [b]) => cmp(a, b)).map(([currency, amount]) => ({ amount: formatPennies(amount), currency }));
    return { on: formatDay(on), partnerships, summary: { ...statusCounts(partnerships), creditsOwed } };
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

/**
 * What each obligation and KPI comes to on a day, kept by the working-out it is made from: a
 * ledger that kept a declaration's working-out (evaluate.ts) keeps its state too.
 */
const obligationStates = new WeakMap<EvaluatedObligation, { readonly on: number; readonly state: ObligationState }>();
const kpiStates = new WeakMap<EvaluatedKpi, { readonly on: number; readonly state: KpiState }>();

function partnershipState(e: Evaluated, on: number): PartnershipState {
  const { model, term } = e.source;
  const title = (s: PartnershipSymbol): string => s.title ?? '';
  const obligation = (o: EvaluatedObligation): ObligationState => {
    const kept = obligationStates.get(o);
    if (kept && kept.on === on) return kept.state;
    const list = o.occurrences;
    // Each occurrence is made an object only when something reads the list (JSON, HTML, the
    // timeline): the standing, which the text, the code lens and the status view read, is
    // worked out from the engine's columns.
    let states: readonly OccurrenceState[] | undefined;
    const stateAt = (i: number): OccurrenceState => states?.[i] ?? occurrenceState(list, i, on);
    const state = withStandingFrom({
      name: o.norm.symbol.name, title: title(o.norm.symbol), ...(o.norm.clause ? { clause: o.norm.clause } : {}), line: e.source.lineOf(o.norm.symbol),
      get occurrences(): readonly OccurrenceState[] {
        return (states ??= statesOf(list, on));
      },
    }, { length: list.length, status: (i) => list.status(i, on), state: stateAt });
    obligationStates.set(o, { on, state });
    return state;
  };
  const kpi = (k: EvaluatedKpi, i: number): KpiState => {
    const kept = kpiStates.get(k);
    if (kept && kept.on === on) return kept.state;
    // The evaluated KPIs are the model's, in its order.
    const measured = (model.kpis[i]?.symbol === k.symbol ? model.kpis[i] : model.kpis.find((m) => m.symbol === k.symbol))?.measured?.frequency;
    const state = {
      name: k.symbol.name, title: title(k.symbol), line: e.source.lineOf(k.symbol),
      ...(measured ? { measured: measured.kind === 'Frequency' ? measured.text : `${measured.count} ${measured.unit.replace('-', ' ')}${measured.count === 1 ? '' : 's'}` } : {}),
      periods: endedBy(k.periods, on).map(periodState),
    };
    kpiStates.set(k, { on, state });
    return state;
  };
  const credits = creditsByCharge(e, on);
  return {
    name: model.partnership.name.text,
    title: model.partnership.title?.value ?? '',
    file: e.source.displayFile,
    term: { start: formatDay(term.from), end: formatDay(term.to) },
    obligations: e.obligations.map(obligation),
    kpis: e.kpis.map(kpi),
    charges: model.charges.map((c) => ({
      name: c.symbol.name, title: title(c.symbol), line: e.source.lineOf(c.symbol),
      ...(c.cap ? { cap: `${c.cap.share.digits}% per ${c.cap.per.text}` } : {}),
      creditsByYear: creditsByYear(c.cap, fixedAmounts(c, term), term, credits.get(c.symbol) ?? [], currencyOf(c.amounts), on),
    })),
  };
}

function statesOf(list: Occurrences, on: number): ObligationState['occurrences'] {
  const states = new Array<ObligationState['occurrences'][number]>(list.length);
  for (let i = 0; i < list.length; i++) states[i] = occurrenceState(list, i, on);
  return states;
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

/** The credits each charge's share earned in the periods ended by `on`, gathered in one pass over the KPIs. */
function creditsByCharge(e: Evaluated, on: number): Map<ChargeSymbol, { day: number; amount: Rational }[]> {
  const byCharge = new Map<ChargeSymbol, { day: number; amount: Rational }[]>();
  for (const k of e.kpis) {
    for (const p of endedBy(k.periods, on)) {
      const charge = p.credit?.charge;
      if (!charge || p.status === 'waived') continue;
      let list = byCharge.get(charge);
      if (!list) byCharge.set(charge, (list = []));
      list.push({ day: p.period.from, amount: p.credit!.amount });
    }
  }
  return byCharge;
}

function currencyOf(amounts: readonly { readonly amount: { readonly currency: string | null } }[]): string {
  return amounts.find((a) => a.amount.currency)?.amount.currency ?? 'GBP';
}


const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
