// When each amount line of a charge applies, and what a charge's fixed amounts come to over a
// stretch of days. An amount without `from` applies from the term's first day; one without
// `until` until the day before the next later `from` of a line with the same units, else to the
// term's last day. Dates stand for the day they mean there: a `from` its first day, an `until`
// its last. The checks (P701, P407, P408) and the matrix's money tables read this.

import type { AmountLine } from '../syntax/ast';
import { addMonths } from '../values/durations';
import { ALL_TIME, type Period } from '../values/dates';
import { quantityValue, type Decimal } from '../values/decimal';
import { addFractions, fractionOf, roundFraction, scaleFraction, ZERO_FRACTION, type Fraction } from '../values/exact-sums';
import { fixedPeriodOf, validDay, validEndDay } from './semantic';

/** An amount line with the days it applies. */
export interface AmountPeriod {
  readonly line: AmountLine;
  /** `year`, `quarter` or `month` for a fixed charge, null for a rate. */
  readonly fixed: 'year' | 'quarter' | 'month' | null;
  /** The line's units as written (`year`, `seat month`, or '' for none): lines with the same units follow one another. */
  readonly units: string;
  /** The days it applies; null when one of its dates is impossible or its `until` is before its `from`. */
  readonly period: Period | null;
}

/** An amount of money in one currency. */
export interface Money {
  readonly currency: string;
  readonly amount: Decimal;
}

const TIMES_PER_YEAR = { year: 1n, quarter: 4n, month: 12n } as const;

/** Each amount line's period, in the order written; `term` null when the file has no valid term (then lines are unbounded). */
export function amountPeriods(amounts: readonly AmountLine[], term: Period | null): readonly AmountPeriod[] {
  const bounds = term ?? ALL_TIME;
  const units = amounts.map((line) => line.per.map((w) => w.text).join(' '));
  const starts = amounts.map((line) => (line.from ? validDay(line.from) : bounds.from));
  return amounts.map((line, i) => {
    const from = starts[i];
    const written = line.until ? validEndDay(line.until) : undefined;
    if (from === null || written === null) return { line, fixed: fixedPeriodOf(line), units: units[i], period: null };
    let to = written ?? bounds.to;
    if (written === undefined) {
      // The next later `from` of a line with the same units ends this one the day before.
      for (let j = 0; j < amounts.length; j++) {
        const next = starts[j];
        if (j !== i && amounts[j].from && units[j] === units[i] && next !== null && next > from && next - 1 < to) to = next - 1;
      }
    }
    return { line, fixed: fixedPeriodOf(line), units: units[i], period: to < from ? null : { from, to } };
  });
}

/** Whether any line is a fixed charge (`per year`, `per quarter` or `per month`). */
export function hasFixedCharge(amounts: readonly AmountLine[]): boolean {
  return amounts.some((line) => fixedPeriodOf(line) !== null);
}

/** A fixed charge's amount for a whole year: per quarter ×4, per month ×12; null for a rate. */
export function yearlyAmount(line: AmountLine): Decimal | null {
  const fixed = fixedPeriodOf(line);
  if (!fixed) return null;
  const value = quantityValue(line.amount);
  return { units: value.units * TIMES_PER_YEAR[fixed], scale: value.scale };
}

/**
 * The yearly fixed amount in force on `day`, in the currency of the charge's first fixed line
 * (lines in another currency are P703 and left out); null when no fixed line applies that day.
 */
export function yearlyFixedAmountOn(periods: readonly AmountPeriod[], day: number): Money | null {
  const currency = fixedCurrency(periods);
  let total: Decimal | null = null;
  for (const p of periods) {
    if (!p.fixed || !p.period || p.line.amount.currency !== currency || day < p.period.from || day > p.period.to) continue;
    const yearly = yearlyAmount(p.line)!;
    total = total ? sumOf(total, yearly) : yearly;
  }
  return total && currency ? { currency, amount: total } : null;
}

/**
 * The charge's fixed amounts over the days of `stretch`: within each contract year (counted
 * from the term's first day) a yearly amount is prorated by the days it applies over the days of
 * that whole year, so a whole contract year costs exactly its yearly amount. Exact, rounded once
 * to `scale` decimal places (pence by default). Null when the charge has no fixed line.
 */
export function fixedAmountOver(periods: readonly AmountPeriod[], stretch: Period, term: Period, scale = 2): Money | null {
  const currency = fixedCurrency(periods);
  if (!currency) return null;
  let total: Fraction = ZERO_FRACTION;
  for (const year of contractYearsCovering(term.from, stretch)) {
    const length = BigInt(year.to - year.from + 1);
    for (const p of periods) {
      if (!p.fixed || !p.period || p.line.amount.currency !== currency) continue;
      const days = daysShared(p.period, stretch, year);
      if (days > 0) total = addFractions(total, scaleFraction(fractionOf(yearlyAmount(p.line)!), BigInt(days), length));
    }
  }
  return { currency, amount: roundFraction(total, scale) };
}

/** The contract years of a term: from its first day, a year at a time, the last cut at the term's last day. */
export function contractYears(term: Period): readonly Period[] {
  return contractYearsCovering(term.from, term).map((year) => ({ from: year.from, to: Math.min(year.to, term.to) }));
}

/** The whole contract years (counted from `firstDay`, forwards or back) that share a day with `stretch`. */
function contractYearsCovering(firstDay: number, stretch: Period): Period[] {
  let k = Math.floor((stretch.from - firstDay) / 366);
  while (addMonths(firstDay, 12 * (k + 1)) <= stretch.from) k++;
  const years: Period[] = [];
  for (let from = addMonths(firstDay, 12 * k); from <= stretch.to; k++, from = addMonths(firstDay, 12 * k)) {
    years.push({ from, to: addMonths(firstDay, 12 * (k + 1)) - 1 });
  }
  return years;
}

/** The first fixed line's currency. */
function fixedCurrency(periods: readonly AmountPeriod[]): string | null {
  return periods.find((p) => p.fixed)?.line.amount.currency ?? null;
}

/** How many days lie in all three periods. */
function daysShared(a: Period, b: Period, c: Period): number {
  return Math.max(0, Math.min(a.to, b.to, c.to) - Math.max(a.from, b.from, c.from) + 1);
}

function sumOf(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}
