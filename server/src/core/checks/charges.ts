// A charge's own lines: P704 a charge without a `pays` line or without an amount, P702 a payer
// who is also the payee, P703 amounts in different currencies, P701 two amounts with the same
// units on the same day, P401 a credit cap outside 0-100%.

import { report } from '../diagnostics/catalog';
import { amountPeriods } from '../model/charge-periods';
import type { ChargeModel, FileModel } from '../model/semantic';
import { qnameText, type AmountLine } from '../syntax/ast';
import { ALL_TIME, formatDay, overlaps } from '../values/dates';
import { formatQuantity } from '../values/decimal';
import { type CheckContext, related, spanOf } from './context';
import { checkPercentage } from './percentages';

export function checkCharges(ctx: CheckContext, model: FileModel): void {
  for (const charge of model.charges) {
    const name = charge.symbol.name;
    const missing = !charge.pays && charge.amounts.length === 0 ? 'both' : !charge.pays ? 'pays' : charge.amounts.length === 0 ? 'amount' : null;
    if (missing) ctx.emit(report('P704', spanOf(charge, charge.symbol.nameNode), { name, missing }));
    if (charge.pays && charge.payer && charge.payer === charge.payee) {
      ctx.emit(report('P702', spanOf(charge, charge.pays.payee), { name, party: qnameText(charge.pays.payee) }));
    }
    checkCurrencies(ctx, charge);
    checkOverlaps(ctx, charge, model);
    if (charge.cap) checkPercentage(ctx, charge, charge.cap.share);
  }
}

/** P703, once per charge, at the first money in another currency than the first amount's. */
function checkCurrencies(ctx: CheckContext, charge: ChargeModel): void {
  const first = charge.amounts[0]?.amount;
  const other = charge.amounts.find((line) => line.amount.currency !== first?.currency)?.amount;
  if (!first || !other) return;
  ctx.emit(report('P703', spanOf(charge, other), { name: charge.symbol.name, first: first.currency!, currency: other.currency!, amount: formatQuantity(other) }, {
    related: [related(charge, first, `The charge's first amount, in ${first.currency}`)],
  }));
}

/** P701 at the later line's money: two lines with the same units apply on a shared day. */
function checkOverlaps(ctx: CheckContext, charge: ChargeModel, model: FileModel): void {
  const periods = amountPeriods(charge.amounts, model.term);
  for (let later = 1; later < periods.length; later++) {
    const b = periods[later];
    const earlier = periods.slice(0, later).find((a) => a.units === b.units && a.period && b.period && overlaps(a.period, b.period));
    if (!earlier || !earlier.period || !b.period) continue;
    ctx.emit(report('P701', spanOf(charge, b.line.amount), { amount: written(b.line), other: written(earlier.line), day: dayText(Math.max(earlier.period.from, b.period.from)) }, {
      related: [related(charge, earlier.line, 'The other amount')],
    }));
  }
}

/** A day, or the term's first day when there is no valid term (amounts without `from` are then unbounded). */
function dayText(day: number): string {
  return day <= ALL_TIME.from ? "the term's first day" : formatDay(day);
}

/** `£12m per year from 2008-04-01`, as written. */
function written(line: AmountLine): string {
  return [formatQuantity(line.amount), ...line.per.map((w) => `per ${w.text}`), ...(line.from ? [`from ${line.from.text}`] : []), ...(line.until ? [`until ${line.until.text}`] : [])].join(' ');
}
