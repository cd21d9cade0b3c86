// P401's rule, in one place for every percentage the language has (targets, thresholds,
// credits, credit caps, shares): a value lies from 0% to 100%, and an ownership share above 0%
// and at most 100% (a parent with no share is no parent).

import { report } from '../diagnostics/catalog';
import type { Quantity } from '../syntax/ast';
import { compareDecimal, formatQuantity, parseDecimal, quantityValue } from '../values/decimal';
import { type CheckContext, type Owner, spanOf } from './context';

const HUNDRED = parseDecimal('100');
const ZERO = parseDecimal('0');

/** Whether a percentage lies outside the range P401 allows; `share` excludes 0%. */
export function percentageOutOfRange(q: Quantity, kind: 'value' | 'share' = 'value'): boolean {
  if (q.unit !== 'percent') return false;
  const v = quantityValue(q);
  const low = compareDecimal(v, ZERO);
  return (kind === 'share' ? low <= 0 : low < 0) || compareDecimal(v, HUNDRED) > 0;
}

/** Reports P401 at `q` when it is a percentage out of range; says whether it did. */
export function checkPercentage(ctx: Pick<CheckContext, 'emit'>, owner: Owner, q: Quantity): boolean {
  if (!percentageOutOfRange(q)) return false;
  ctx.emit(report('P401', spanOf(owner, q), { value: formatQuantity(q) }));
  return true;
}
