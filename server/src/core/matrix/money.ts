// Charges' amounts over time and the fixed charges by contract year, in exact arithmetic: an
// amount is a fraction of bigints until it is shown, so `£100m a year` for 183 of 365 days is
// rounded once, to the penny, and totals add the exact parts, not the rounded ones.

import type { AmountLine } from '../syntax/ast';
import { fixedPeriodOf, validDay, validEndDay } from '../model/semantic';
import { formatDay, type Period } from '../values/dates';
import { addMonths } from '../values/durations';
import { formatQuantity, quantityValue } from '../values/decimal';

/** An amount line with the days it applies. */
export interface AmountPeriod {
  readonly line: AmountLine;
  readonly from: number;
  readonly to: number;
}

/** The units of an amount line, as a key: `year`, `seat month`, `` for a lump. */
const unitsOf = (line: AmountLine): string => line.per.map((w) => w.text).join(' ');

/**
 * The days each amount line applies, in the order written. An amount without `from` applies
 * from the term's first day; without `until`, until the day before the next later `from` of a
 * line with the same units, else to `end` (the term's last day as varied). A line whose date is
 * impossible is left out (P301 reports it).
 */
export function amountPeriods(lines: readonly AmountLine[], term: Period, end: number = term.to): AmountPeriod[] {
  const starts = lines.map((line) => (line.from ? validDay(line.from) : term.from));
  const periods: AmountPeriod[] = [];
  lines.forEach((line, i) => {
    const from = starts[i];
    if (from === null) return;
    let to = end;
    if (line.until) {
      const until = validEndDay(line.until);
      if (until === null) return;
      to = until;
    } else {
      lines.forEach((other, j) => {
        const start = starts[j];
        if (start !== null && start > from && unitsOf(other) === unitsOf(line)) to = Math.min(to, start - 1);
      });
    }
    if (from <= to) periods.push({ line, from, to }); // else P302 or P303 says why it never applies
  });
  return periods;
}

/** An amount in words: `£100m a year`, `£650 per day`, `£35 per seat per month`. */
export function amountWords(line: AmountLine): string {
  const fixed = fixedPeriodOf(line);
  const per = fixed ? ` a ${fixed}` : line.per.map((w) => ` per ${w.text}`).join('');
  return formatQuantity(line.amount) + per;
}

/** An exact amount: `num / den`, with `den` positive. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };

/** The sum, in lowest terms so that a long sum stays small. */
export function add(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const divisor = gcd(num < 0n ? -num : num, den);
  return { num: num / divisor, den: den / divisor };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** To the penny, halves away from zero: `41666666.67`. */
export function penceOf(f: Fraction): bigint {
  const negative = f.num < 0n;
  const num = (negative ? -f.num : f.num) * 100n;
  const pence = (num * 2n + f.den) / (2n * f.den);
  return negative ? -pence : pence;
}

/** `£120,000,000`, `£41,666,666.67`, `EUR 2,000,000`. */
export function moneyText(currency: string, f: Fraction): string {
  const pence = penceOf(f);
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
  let sum = ZERO;
  for (const p of periods) {
    const per = fixedPeriodOf(p.line);
    if (!per) continue;
    const days = Math.min(p.to, year.to) - Math.max(p.from, year.from) + 1;
    if (days <= 0) continue;
    const value = quantityValue(p.line.amount);
    sum = add(sum, { num: value.units * TIMES_A_YEAR[per] * BigInt(days), den: 10n ** BigInt(value.scale) * BigInt(year.length) });
  }
  return sum;
}

/** `2006-04-01 to 2011-03-31`. */
export function periodWords(from: number, to: number): string {
  return `${formatDay(from)} to ${formatDay(to)}`;
}
