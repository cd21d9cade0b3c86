// P401: a percentage outside 0-100%, wherever one is written (targets, thresholds, credits,
// credit caps, shares). One function so every construct judges percentages alike.

import { report } from '../diagnostics/catalog';
import type { Quantity } from '../syntax/ast';
import { compareDecimal, formatQuantity, parseDecimal, quantityValue } from '../values/decimal';
import { type CheckContext, type Owner, spanOf } from './context';

const HUNDRED = parseDecimal('100');
const ZERO = parseDecimal('0');

/** Whether `q` is a percentage below 0% or above 100%. */
export function isPercentOutOfRange(q: Quantity): boolean {
  if (q.unit !== 'percent') return false;
  const v = quantityValue(q);
  return compareDecimal(v, ZERO) < 0 || compareDecimal(v, HUNDRED) > 0;
}

/** Reports P401 at `q` when it is a percentage out of range; says whether it did. */
export function checkPercentage(ctx: Pick<CheckContext, 'emit'>, owner: Owner, q: Quantity): boolean {
  if (!isPercentOutOfRange(q)) return false;
  ctx.emit(report('P401', spanOf(owner, q), { value: formatQuantity(q) }));
  return true;
}
