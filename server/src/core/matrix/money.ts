// Charges' amounts over time and the fixed charges by contract year, in exact arithmetic: an
// amount is a fraction of bigints until it is shown, so `£100m a year` for 183 of 365 days is
// rounded once, to the penny, and totals add the exact parts, not the rounded ones.

import type { AmountLine } from '../syntax/ast';
import { amountPeriods as periodsOfAmounts } from '../model/charge-periods';
import { fixedPeriodOf } from '../model/semantic';
import { formatDay, type Period } from '../values/dates';
import { addMonths } from '../values/durations';
import { formatQuantity, quantityValue } from '../values/decimal';
import { addFractions, fractionOf, type Fraction, roundFraction, scaleFraction, ZERO_FRACTION } from '../values/exact-sums';

export type { Fraction } from '../values/exact-sums';

/** An amount line with the days it applies. */
export interface AmountPeriod {
  readonly line: AmountLine;
  readonly from: number;
  readonly to: number;
}

/**
 * The days each amount line applies, in the order written, by the rule of
 * model/charge-periods.ts, with `end` (the term's last day as varied) for the term's end. A
 * line that never applies (an impossible date, a reversed period) is left out: P301, P302 or
 * P303 says why.
 */
export function amountPeriods(lines: readonly AmountLine[], term: Period, end: number = term.to): AmountPeriod[] {
  const periods: AmountPeriod[] = [];
  for (const p of periodsOfAmounts(lines, { from: term.from, to: end })) if (p.period) periods.push({ line: p.line, from: p.period.from, to: p.period.to });
  return periods;
}

/** An amount in words: `£100m a year`, `£650 per day`, `£35 per seat per month`. */
export function amountWords(line: AmountLine): string {
  const fixed = fixedPeriodOf(line);
  const per = fixed ? ` a ${fixed}` : line.per.map((w) => ` per ${w.text}`).join('');
  return formatQuantity(line.amount) + per;
}

/** `£120,000,000`, `£41,666,666.67`, `EUR 2,000,000`. */
export function moneyText(currency: string, f: Fraction): string {
  const pence = roundFraction(f, 2).units;
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100n;
  const amount = `${negative ? '-' : ''}${whole}${cents === 0n ? '' : `.${cents.toString().padStart(2, '0')}`}`;
  return currency === 'GBP' ? `£${amount}` : `${currency} ${amount}`;
}

export interface ContractYear {
  readonly from: number;
  readonly to: number;
  /** Days in the whole contract year, which a last, shorter year is prorated against. */
  readonly length: number;
}

/** More contract years than this are not listed one by one (a term written 1000 years long). */
export const MOST_YEARS = 200;

/** The term's contract years, counted from its first day; null when there are more than `MOST_YEARS`. */
export function contractYears(term: Period): ContractYear[] | null {
  const years: ContractYear[] = [];
  for (let start = term.from; start <= term.to; ) {
    if (years.length === MOST_YEARS) return null;
    const next = addMonths(term.from, 12 * (years.length + 1));
    years.push({ from: start, to: Math.min(next - 1, term.to), length: next - start });
    start = next;
  }
  return years;
}

const TIMES_A_YEAR = { year: 1n, quarter: 4n, month: 12n } as const;

/**
 * What the fixed amounts among `periods` come to in one contract year: each line's yearly
 * amount times the share of the year's days it applies on. Rates are not fixed and add nothing.
 */
export function fixedInYear(periods: readonly AmountPeriod[], year: ContractYear): Fraction {
  let sum = ZERO_FRACTION;
  for (const p of periods) {
    const per = fixedPeriodOf(p.line);
    if (!per) continue;
    const days = Math.min(p.to, year.to) - Math.max(p.from, year.from) + 1;
    if (days <= 0) continue;
    sum = addFractions(sum, scaleFraction(fractionOf(quantityValue(p.line.amount)), TIMES_A_YEAR[per] * BigInt(days), BigInt(year.length)));
  }
  return sum;
}

/** `2006-04-01 to 2011-03-31`. */
export function periodWords(from: number, to: number): string {
  return `${formatDay(from)} to ${formatDay(to)}`;
}
