// A charge's fixed amount over a stretch of days (a measurement period, a cap's contract year),
// for credits (language-v2.md section 5). Each fixed amount line (`per year`, `per quarter`,
// `per month`) applies on the days model/charge-periods.ts gives it. The stretch is cut into
// contract months counted from the term's first day; each month counts a twelfth of a yearly
// amount (a third of a quarterly one), prorated by days where a line covers only part of it.

import type { AmountLine } from '../syntax/ast';
import type { Period } from '../values/dates';
import { addMonths } from '../values/durations';
import { amountPeriods } from '../model/charge-periods';
import type { ChargeModel } from '../model/semantic';
import { quantityValue } from '../values/decimal';
import { add, divide, fromDecimal, multiply, rational, type Rational, ZERO } from './rational';

export interface FixedAmount {
  readonly line: AmountLine;
  readonly period: Period;
  readonly perMonth: Rational;
  readonly currency: string;
}

const MONTHS_OF: Readonly<Record<'year' | 'quarter' | 'month', bigint>> = { year: 12n, quarter: 3n, month: 1n };

/** The fixed amount lines of a charge with the days each applies (the rule of model/charge-periods.ts). */
export function fixedAmounts(charge: ChargeModel, term: Period): FixedAmount[] {
  const out: FixedAmount[] = [];
  for (const { line, fixed, period } of amountPeriods(charge.amounts, term)) {
    if (!fixed || !period || line.amount.unit !== 'money') continue;
    out.push({ line, period, perMonth: divide(fromDecimal(quantityValue(line.amount)), rational(MONTHS_OF[fixed])), currency: line.amount.currency ?? 'GBP' });
  }
  return out;
}

/** The sum of the fixed amounts over the days of `stretch` (within the term). */
export function fixedAmountOver(amounts: readonly FixedAmount[], term: Period, stretch: Period): Rational {
  const from = Math.max(stretch.from, term.from);
  const to = Math.min(stretch.to, term.to);
  let total = ZERO;
  if (amounts.length === 0 || to < from) return total;
  // The contract month holding `from`: months counted from the term's first day.
  let k = 0;
  while (addMonths(term.from, k + 12) <= from) k += 12;
  while (addMonths(term.from, k + 1) <= from) k++;
  for (; ; k++) {
    const monthStart = addMonths(term.from, k);
    if (monthStart > to) break;
    const monthEnd = addMonths(term.from, k + 1) - 1;
    const days = BigInt(monthEnd - monthStart + 1);
    for (const a of amounts) {
      const s = Math.max(monthStart, from, a.period.from);
      const e = Math.min(monthEnd, to, a.period.to);
      if (e >= s) total = add(total, multiply(a.perMonth, rational(BigInt(e - s + 1), days)));
    }
  }
  return total;
}
