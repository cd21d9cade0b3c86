// Whether approval bands cover a stretch of amounts (P502 as the second version corrects it): a
// scope covers it when its own bands do, or when it has child scopes and each child covers it,
// recursively. A gap in a parent's bands that its children fill this way is no gap: every
// amount of work in the parent is work in one of its children.

import type { ScopeSymbol } from '../binding/symbols';
import { compareDecimal, parseDecimal, type Decimal } from '../values/decimal';

const ZERO = parseDecimal('0');

/** A band as P502 compares it: null currency for `any`, null high when unbounded above (bounded bands include their high end). */
export interface BandRange {
  readonly currency: string | null;
  readonly low: Decimal;
  readonly lowIncluded: boolean;
  readonly high: Decimal | null;
}

/** A stretch of amounts in one currency, with each end included or not. */
export interface AmountGap {
  readonly currency: string;
  readonly low: Decimal;
  readonly lowIncluded: boolean;
  readonly high: Decimal;
  readonly highIncluded: boolean;
}

/** Whether `scope` has child scopes and each covers the whole gap, by its own bands or its children's. */
export function childrenCover(scope: ScopeSymbol, gap: AmountGap, bandsOf: (scope: ScopeSymbol) => readonly BandRange[]): boolean {
  if (scope.children.size === 0) return false;
  for (const child of scope.children.values()) {
    if (!bandsCover(bandsOf(child), gap) && !childrenCover(child, gap, bandsOf)) return false;
  }
  return true;
}

/** Whether the union of some bands holds every amount of the gap. */
export function bandsCover(bands: readonly BandRange[], gap: AmountGap): boolean {
  const usable = bands.filter((b) => b.currency === null || b.currency === gap.currency);
  // The amounts still to cover start at `at` (included unless `open`). Nothing is approved
  // for nothing: an amount of zero is never a gap, as for a scope's own bands (`above £0`).
  let at = gap.low;
  let open = !gap.lowIncluded || compareDecimal(gap.low, ZERO) === 0;
  for (let progress = true; progress;) {
    if (past(at, open, gap)) return true;
    progress = false;
    for (const b of usable) {
      const c = compareDecimal(b.low, at);
      if (c > 0 || (c === 0 && !b.lowIncluded && !open)) continue;
      if (b.high === null) return true;
      const h = compareDecimal(b.high, at);
      if (h > 0 || (h === 0 && !open)) {
        at = b.high;
        open = true;
        progress = true;
      }
    }
  }
  return false;
}

/** Whether nothing of the gap is left from `at` on. */
function past(at: Decimal, open: boolean, gap: AmountGap): boolean {
  const c = compareDecimal(at, gap.high);
  return c > 0 || (c === 0 && (open || !gap.highIncluded));
}
