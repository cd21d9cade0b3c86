// P501 overlapping approval bands and P502 gaps between them, per scope and currency, within
// one partnership. `above X` excludes X; `up to X` (from zero) and `from X to Y` include their
// ends; `any` is every amount in every currency. A band on an ancestor scope neither overlaps
// nor fills a descendant's; a gap in a scope's bands that each of its children covers is no gap.

import type { ScopeSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { Approval, FileModel } from '../model/semantic';
import type { Band } from '../syntax/ast';
import { compareDecimal, formatQuantity, parseDecimal, quantityValue, type Decimal } from '../values/decimal';
import { nameCounterparts, relatedCounterparts } from '../diagnostics/counterparts';
import { type CheckContext, related, spanOf } from './context';
import { type AmountGap, childrenCover } from './band-cover';

interface Range {
  readonly approval: Approval;
  readonly body: string;
  /** null for `any`. */
  readonly currency: string | null;
  readonly low: Decimal;
  readonly lowIncluded: boolean;
  readonly lowText: string;
  /** null when unbounded above. */
  readonly high: Decimal | null;
  readonly highText: string | null;
}

const ZERO = parseDecimal('0');

export function checkGovernance(ctx: CheckContext, model: FileModel): void {
  const byScope = new Map<ScopeSymbol, Range[]>();
  for (const body of model.bodies) {
    for (const approval of body.approvals) {
      const range = rangeOf(approval, body.symbol.name);
      if (!range) continue;
      const list = byScope.get(approval.scope) ?? [];
      list.push(range);
      byScope.set(approval.scope, list);
    }
  }
  const bandsOf = (scope: ScopeSymbol): readonly Range[] => byScope.get(scope) ?? [];
  for (const [scope, ranges] of byScope) {
    checkOverlaps(ctx, model.file, ranges);
    checkGaps(ctx, model.file, scope, ranges, (gap) => childrenCover(scope, gap, bandsOf));
  }
}

function rangeOf(approval: Approval, body: string): Range | null {
  const band: Band = approval.node.band;
  switch (band.form) {
    case 'any':
      return { approval, body, currency: null, low: ZERO, lowIncluded: true, lowText: '£0', high: null, highText: null };
    case 'above':
      return { approval, body, currency: band.low!.currency, low: quantityValue(band.low!), lowIncluded: false, lowText: formatQuantity(band.low!), high: null, highText: null };
    case 'up-to':
      return { approval, body, currency: band.high!.currency, low: ZERO, lowIncluded: true, lowText: '0', high: quantityValue(band.high!), highText: formatQuantity(band.high!) };
    case 'range':
      // A band from one currency to another is meaningless; it takes part in no comparison.
      if (band.low!.currency !== band.high!.currency) return null;
      return { approval, body, currency: band.low!.currency, low: quantityValue(band.low!), lowIncluded: true, lowText: formatQuantity(band.low!), high: quantityValue(band.high!), highText: formatQuantity(band.high!) };
  }
}

function intersect(a: Range, b: Range): boolean {
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) return false;
  // a starts before b ends and b starts before a ends, minding excluded low ends.
  const startsBeforeEnd = (x: Range, y: Range): boolean => {
    if (y.high === null) return true;
    const c = compareDecimal(x.low, y.high);
    return c < 0 || (c === 0 && x.lowIncluded);
  };
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

function describe(r: Range): string {
  const band = r.approval.node.band;
  const what =
    band.form === 'any' ? 'any amount' : band.form === 'above' ? `above ${r.lowText}` : band.form === 'up-to' ? `up to ${r.highText}` : `from ${r.lowText} to ${r.highText}`;
  return `${r.body}'s band (${what})`;
}

function checkOverlaps(ctx: CheckContext, file: string, ranges: readonly Range[]): void {
  for (const r of ranges) {
    const others = ranges.filter((o) => o !== r && intersect(r, o));
    if (others.length === 0) continue;
    ctx.emit(report('P501', spanOf({ file, unit: r.approval.unit }, r.approval.node), { band: `${describe(r)} for \`${r.approval.scope.path}\``, others: nameCounterparts(others, describe) }, {
      related: relatedCounterparts(others, (o) => related({ file, unit: o.approval.unit }, o.approval.node, describe(o))),
    }));
  }
}

function checkGaps(ctx: CheckContext, file: string, scope: ScopeSymbol, ranges: readonly Range[], covered: (gap: AmountGap) => boolean): void {
  if (ranges.some((r) => r.currency === null)) return;
  const currencies = new Set(ranges.map((r) => r.currency!));
  const reported = new Set<Range>();
  for (const currency of currencies) {
    const sorted = ranges
      .filter((r) => r.currency === currency)
      .sort((a, b) => compareDecimal(a.low, b.low) || (a.lowIncluded === b.lowIncluded ? 0 : a.lowIncluded ? -1 : 1));
    const first = sorted[0];
    if (compareDecimal(first.low, ZERO) > 0) {
      const below = { currency, low: ZERO, lowIncluded: true, high: first.low, highIncluded: !first.lowIncluded };
      if (!covered(below)) gap(first, `${first.lowIncluded ? 'below' : 'up to'} ${first.lowText}`);
    }
    let reach: Range = first;
    for (const next of sorted.slice(1)) {
      if (reach.high === null) break;
      const c = compareDecimal(next.low, reach.high);
      // Touching ends leave no gap unless the next band excludes the shared amount (`above X` after `from W to X` is fine).
      if (c > 0 && !covered({ currency, low: reach.high, lowIncluded: false, high: next.low, highIncluded: !next.lowIncluded })) {
        gap(reach, `above ${reach.highText} and ${next.lowIncluded ? 'below' : 'up to'} ${next.lowText}`);
      }
      if (next.high === null || compareDecimal(next.high, reach.high) > 0) reach = next;
    }
  }

  function gap(at: Range, amounts: string): void {
    if (reported.has(at)) return;
    reported.add(at);
    ctx.emit(report('P502', spanOf({ file, unit: at.approval.unit }, at.approval.node), { scope: scope.path, gap: amounts }));
  }
}
