// A charge's credits by contract year against its `credit-cap` (language-v2.md section 5): the
// credits of each cap period (contract year, quarter or month, counted from the term's first
// day) are limited to the cap's share of the charge's fixed amount for that stretch; a credit
// belongs to the cap period its measurement period starts in. Reported by contract year: what
// was earned, what is payable, and what the cap removed.

import type { CreditCap } from '../syntax/ast';
import { formatDay, type Period, periodHolding } from '../values/dates';
import { quantityValue } from '../values/decimal';
import { addMonths } from '../values/durations';
import { fixedAmountOver, type FixedAmount } from './charge-amounts';
import { add, formatPennies, fromDecimal, min, multiply, rational, type Rational, roundToPennies, subtract, ZERO } from './rational';
import type { CreditYear } from './types';

export interface EarnedCredit {
  /** The first day of the measurement period that earned it. */
  readonly day: number;
  readonly amount: Rational;
}

const CAP_MONTHS: Readonly<Record<string, number>> = { year: 12, quarter: 3, month: 1 };

/** Stretches of `months` months from the term's first day to its last. */
function stretches(term: Period, months: number): Period[] {
  const out: Period[] = [];
  for (let k = 0; ; k++) {
    const from = addMonths(term.from, k * months);
    if (from > term.to || out.length > 100_000) break;
    out.push({ from, to: Math.min(addMonths(term.from, (k + 1) * months) - 1, term.to) });
  }
  return out;
}

/**
 * Credits by contract year for the years that started on or before `on` (every year when null).
 * `amounts` are the charge's fixed amounts, `credits` the percentage credits of it.
 */
export function creditsByYear(cap: CreditCap | null, amounts: readonly FixedAmount[], term: Period, credits: readonly EarnedCredit[], currency: string, on: number | null): CreditYear[] {
  const capMonths = cap ? CAP_MONTHS[cap.per.text] ?? 12 : 12;
  const share = cap && cap.share.unit === 'percent' ? multiply(fromDecimal(quantityValue(cap.share)), rational(1n, 100n)) : null;
  // What is earned and payable in each cap period.
  // Each credit summed into the cap period it falls in, found by binary search (periods run back to back).
  const periods = stretches(term, capMonths);
  const earnedIn = periods.map(() => ZERO);
  for (const c of credits) {
    const i = periodHolding(periods, c.day);
    if (i >= 0) earnedIn[i] = add(earnedIn[i], c.amount);
  }
  const capPeriods = periods.map((period, i) => {
    const earned = earnedIn[i];
    const limit = share ? roundToPennies(multiply(share, fixedAmountOver(amounts, term, period))) : null;
    return { period, earned, payable: limit ? min(earned, limit) : earned };
  });
  const money = (r: Rational) => ({ amount: formatPennies(r), currency });
  const years: CreditYear[] = [];
  for (const year of stretches(term, 12)) {
    if (on !== null && year.from > on) break;
    let earned = ZERO;
    let payable = ZERO;
    for (const c of capPeriods) {
      if (c.period.from < year.from || c.period.from > year.to) continue;
      earned = add(earned, c.earned);
      payable = add(payable, c.payable);
    }
    years.push({ start: formatDay(year.from), end: formatDay(year.to), earned: money(earned), payable: money(payable), capRemoved: money(subtract(earned, payable)) });
  }
  return years;
}
