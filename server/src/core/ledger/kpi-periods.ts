// The measurement periods of a KPI (ledger.md): back to back from the term's first day, each as
// long as `measured` says, to the KPI's last day; each with its result, its status against the
// target in force on its last day and its thresholds, and the largest credit its value earns
// (language-v2.md section 5). Pure: the day asked about is an input.

import type { ChargeSymbol } from '../binding/symbols';
import type { KpiModel } from '../model/semantic';
import { countOn } from '../model/norm-meaning';
import type { Duration, Quantity } from '../syntax/ast';
import type { CalendarName } from '../values/bank-holidays';
import { formatQuantity, quantityValue } from '../values/decimal';
import { dayNumber, type Period, periodHolding } from '../values/dates';
import { fixedAmountOver, type FixedAmount } from './charge-amounts';
import { type Measure, quantityMeasure, satisfies } from './measure';
import type { Dated } from './occurrences';
import { compare, fromDecimal, multiply, rational, type Rational, roundToPennies } from './rational';
import type { PeriodStatus } from './types';

export interface MeasuredRow extends Dated {
  readonly measure: Measure;
}

export interface KpiFacts {
  readonly term: Period;
  /** The KPI's last day: the term's end as varied, or the day a variation ended it. */
  readonly lastDay: number;
  readonly calendar: CalendarName;
  readonly results: readonly MeasuredRow[];
  readonly waivers: readonly Dated[];
  readonly chargeAmounts: (charge: ChargeSymbol) => readonly FixedAmount[];
}

export interface Credit {
  readonly amount: Rational;
  readonly currency: string;
  /** The charge a percentage credit is a share of (its cap limits it); null for a sum of money. */
  readonly charge: ChargeSymbol | null;
}

export interface MeasuredPeriod {
  readonly period: Period;
  readonly status: PeriodStatus;
  readonly result?: MeasuredRow;
  readonly target?: string;
  readonly credit?: Credit;
  readonly waiver?: Dated;
}

/** At most this many periods per KPI (`measured daily` over a century stays bounded). */
export const MAX_PERIODS = 50_000;

const FREQUENCIES: Readonly<Record<string, Pick<Duration, 'count' | 'unit'>>> = {
  daily: { count: 1, unit: 'day' }, weekly: { count: 7, unit: 'day' }, monthly: { count: 1, unit: 'month' },
  quarterly: { count: 3, unit: 'month' }, yearly: { count: 12, unit: 'month' },
};

/** The KPI's measurement periods from the term's first day to its last day. */
export function measurementPeriods(kpi: KpiModel, term: Period, lastDay: number, calendar: CalendarName): Period[] {
  const frequency = kpi.measured?.frequency;
  if (!frequency) return [];
  const length = frequency.kind === 'Frequency' ? FREQUENCIES[frequency.text] : frequency;
  if (!length || length.count <= 0) return [];
  const periods: Period[] = [];
  let start = term.from;
  for (let k = 1; start <= lastDay && periods.length < MAX_PERIODS; k++) {
    const counted = countOn(term.from, { count: length.count * k, unit: length.unit }, calendar);
    // A length too long to count makes the rest of the term one period.
    const next = counted === null ? lastDay + 1 : Math.max(start + 1, counted);
    periods.push({ from: start, to: Math.min(next - 1, lastDay) });
    start = next;
  }
  return periods;
}

/** A result for a period that already had one (R006). */
export interface DuplicateResult {
  readonly row: MeasuredRow;
  readonly first: MeasuredRow;
}

/** A KPI's periods with its rows placed in them. */
export interface KpiPeriods {
  /** The periods that ended on or before the day asked about (every period when null). */
  readonly spans: readonly Period[];
  /** Each of `spans` judged, worked out when first read: the calendar needs only the spans. */
  readonly periods: readonly MeasuredPeriod[];
  readonly duplicates: readonly DuplicateResult[];
}

/** The periods that ended on or before `on` (every period when null), each judged; and results for a period that already had one (R006). */
export function judgePeriods(kpi: KpiModel, facts: KpiFacts, on: number | null): KpiPeriods {
  const all = measurementPeriods(kpi, facts.term, facts.lastDay, facts.calendar);
  const results = new Map<number, MeasuredRow>();
  const duplicates: DuplicateResult[] = [];
  for (const r of facts.results) {
    const i = periodHolding(all, r.day);
    if (i < 0) continue;
    const first = results.get(i);
    if (first) duplicates.push({ row: r, first });
    else results.set(i, r);
  }
  const waivers = new Map<number, Dated>();
  for (const w of facts.waivers) {
    const i = periodHolding(all, w.day);
    if (i >= 0 && !waivers.has(i)) waivers.set(i, w);
  }
  let ended = all.length;
  if (on !== null) {
    ended = 0;
    while (ended < all.length && all[ended].to <= on) ended++;
  }
  const spans = ended === all.length ? all : all.slice(0, ended);
  let judged: MeasuredPeriod[] | undefined;
  return {
    spans,
    duplicates,
    get periods(): readonly MeasuredPeriod[] {
      if (!judged) {
        const bounds = new Bounds(kpi, facts.term);
        judged = spans.map((period, i) => judge(kpi, facts, period, results.get(i), waivers.get(i), bounds));
      }
      return judged;
    },
  };
}

/** A KPI's targets, thresholds and credit conditions read once, for all its periods. */
class Bounds {
  private readonly measures = new Map<Quantity, Measure>();
  /** Each target with the day it applies from (one without `from`, the term's first day), and as written. */
  private readonly targets: readonly { readonly target: Target; readonly from: number | null; readonly text: string }[];

  constructor(kpi: KpiModel, term: Period) {
    this.targets = kpi.targets.map((target) => ({ target, from: target.from ? dayNumber(target.from.text) : term.from, text: `${target.comparator.op} ${quantityText(target.value)}` }));
  }

  measure(q: Quantity): Measure {
    let m = this.measures.get(q);
    if (!m) this.measures.set(q, (m = quantityMeasure(q)));
    return m;
  }

  /** The target with the latest `from` on or before `day`, and its words (`>= 99.5%`). */
  inForce(day: number): { readonly target: Target; readonly text: string } | null {
    let best: { readonly target: Target; readonly text: string } | null = null;
    let bestFrom = -Infinity;
    for (const t of this.targets) {
      if (t.from === null || t.from > day || t.from < bestFrom) continue;
      best = t;
      bestFrom = t.from;
    }
    return best;
  }
}

type Target = KpiModel['targets'][number];

function judge(kpi: KpiModel, facts: KpiFacts, period: Period, result: MeasuredRow | undefined, waiver: Dated | undefined, bounds: Bounds): MeasuredPeriod {
  const inForce = bounds.inForce(period.to);
  const target = inForce?.target ?? null;
  const targetText = inForce ? { target: inForce.text } : {};
  if (waiver) return { period, status: 'waived', waiver, ...(result ? { result } : {}), ...targetText };
  if (!result) return { period, status: 'missing', ...targetText };
  const value = result.measure;
  const holds = (op: { op: '>=' | '<=' | '>' | '<' | '=' }, q: Quantity): boolean => {
    const bound = bounds.measure(q);
    return bound.dimension === value.dimension && satisfies(value, op.op, bound);
  };
  const failed = target !== null && !holds(target.comparator, target.value);
  const breached = kpi.thresholds.some((t) => holds(t.comparator, t.value));
  const status: PeriodStatus = breached ? 'breached' : failed ? 'failed' : 'met';
  let credit: Credit | undefined;
  for (const c of kpi.credits) {
    if (!holds(c.node.comparator, c.node.value)) continue;
    const earned = creditAmount(c.node.amount, c.charge, facts, period);
    if (earned && (!credit || compare(earned.amount, credit.amount) > 0)) credit = earned;
  }
  return { period, status, result, ...targetText, ...(credit ? { credit } : {}) };
}

/** A credit line's amount for one period: a sum of money, or a share of the charge's fixed amount for the period. */
function creditAmount(amount: Quantity, charge: ChargeSymbol | null, facts: KpiFacts, period: Period): Credit | null {
  const value = fromDecimal(quantityValue(amount));
  if (amount.unit === 'money') return { amount: roundToPennies(value), currency: amount.currency ?? 'GBP', charge: null };
  if (amount.unit !== 'percent' || !charge) return null;
  const amounts = facts.chargeAmounts(charge);
  if (amounts.length === 0) return null;
  const fixed = fixedAmountOver(amounts, facts.term, period);
  return { amount: roundToPennies(multiply(multiply(value, rational(1n, 100n)), fixed)), currency: amounts[0].currency, charge };
}

/** A value as written: `99.5%`, `£5k`, `4 hours`. */
export function quantityText(q: Quantity): string {
  if (q.unit !== 'duration' || !q.duration) return formatQuantity(q);
  const unit = q.duration.replace('-', ' ');
  return `${q.digits} ${unit}${q.digits === '1' ? '' : 's'}`;
}
