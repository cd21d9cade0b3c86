// P401 percentages outside 0-100%, P402 thresholds that a passing value would trigger (or in
// another unit than the target), P403 KPIs without an owner, P404 KPIs no norm is measured by.

import { report } from '../diagnostics/catalog';
import type { FileModel } from '../model/semantic';
import type { Comparator, Quantity } from '../syntax/ast';
import { compareDecimal, formatDecimal, formatQuantity, parseDecimal, quantityValue, unitKey, type Decimal } from '../values/decimal';
import { measured } from '../facts/lookups';
import { type CheckContext, related, spanOf } from './context';
import { percentageOutOfRange } from './percentages';

const HUNDRED = parseDecimal('100');
const ZERO = parseDecimal('0');

export function checkKpis(ctx: CheckContext, model: FileModel): void {
  const measuredKpis = ctx.read(measured, model.file);
  for (const kpi of model.kpis) {
    const outOfRange = new Set<Quantity>();
    for (const line of [kpi.target, kpi.threshold]) {
      if (!line || !percentageOutOfRange(line.value)) continue;
      outOfRange.add(line.value);
      ctx.emit(report('P401', spanOf(kpi, line.value), { value: formatQuantity(line.value) }));
    }
    const { target, threshold } = kpi;
    if (target && threshold && !outOfRange.has(target.value) && !outOfRange.has(threshold.value)) {
      const written = (c: Comparator, q: Quantity): string => `${c.op} ${formatQuantity(q)}`;
      const params = { threshold: written(threshold.comparator, threshold.value), target: written(target.comparator, target.value) };
      const targetInfo = [related(kpi, target, 'The target')];
      if (unitKey(target.value) !== unitKey(threshold.value)) {
        ctx.emit(report('P402', spanOf(kpi, threshold.value), { ...params, reason: 'unit' }, { related: targetInfo }));
      } else {
        const example = sharedValue(interval(target.comparator.op, quantityValue(target.value)), interval(threshold.comparator.op, quantityValue(threshold.value)), target.value);
        if (example !== undefined) {
          ctx.emit(report('P402', spanOf(kpi, threshold.value), { ...params, reason: 'overlap', example }, { related: targetInfo }));
        }
      }
    }
    if (!kpi.hasOwnerLine) {
      const block = kpi.node.block;
      const party = model.norms.find((n) => n.kpis.includes(kpi.symbol))?.subjects[0]?.name;
      const fixes = block
        ? [{ title: 'Add an `owner` line', edits: [{ ...spanOf(kpi, { start: block.start + 1, end: block.start + 1 }), newText: ` owner ${party ?? 'Owner'}` }] }]
        : [];
      ctx.emit(report('P403', spanOf(kpi, kpi.symbol.nameNode), { name: kpi.symbol.name }, { fixes }));
    }
    if (!measuredKpis.has(kpi.symbol)) ctx.emit(report('P404', spanOf(kpi, kpi.symbol.nameNode), { name: kpi.symbol.name }));
  }
}

/** A set of values `op x`, as an interval with open or closed ends (null for unbounded). */
interface Interval {
  readonly low: Decimal | null;
  readonly lowIncluded: boolean;
  readonly high: Decimal | null;
  readonly highIncluded: boolean;
}

function interval(op: Comparator['op'], x: Decimal): Interval {
  switch (op) {
    case '>=': return { low: x, lowIncluded: true, high: null, highIncluded: false };
    case '>': return { low: x, lowIncluded: false, high: null, highIncluded: false };
    case '<=': return { low: null, lowIncluded: false, high: x, highIncluded: true };
    case '<': return { low: null, lowIncluded: false, high: x, highIncluded: false };
    case '=': return { low: x, lowIncluded: true, high: x, highIncluded: true };
  }
}

/**
 * A value in both intervals within the unit's domain (0-100 for percentages, from 0 for
 * money), written like the target, or undefined when they are disjoint.
 */
function sharedValue(a: Interval, b: Interval, like: Quantity): string | undefined {
  const domainLow = like.unit === 'percent' || like.unit === 'money' ? ZERO : null;
  const domainHigh = like.unit === 'percent' ? HUNDRED : null;
  const lows: [Decimal | null, boolean][] = [[a.low, a.lowIncluded], [b.low, b.lowIncluded], [domainLow, true]];
  const highs: [Decimal | null, boolean][] = [[a.high, a.highIncluded], [b.high, b.highIncluded], [domainHigh, true]];
  let low: Decimal | null = null;
  let lowIn = true;
  for (const [v, inc] of lows) {
    if (v === null) continue;
    const c: number = low === null ? 1 : compareDecimal(v, low);
    if (c > 0 || (c === 0 && !inc)) [low, lowIn] = [v, c > 0 ? inc : lowIn && inc];
  }
  let high: Decimal | null = null;
  let highIn = true;
  for (const [v, inc] of highs) {
    if (v === null) continue;
    const c: number = high === null ? -1 : compareDecimal(v, high);
    if (c < 0 || (c === 0 && !inc)) [high, highIn] = [v, c < 0 ? inc : highIn && inc];
  }
  if (low !== null && high !== null) {
    const c = compareDecimal(low, high);
    if (c > 0 || (c === 0 && !(lowIn && highIn))) return undefined;
  }
  const example = pick(low, lowIn, high, highIn);
  const unit = like.unit === 'percent' ? '%' : '';
  const currency = like.unit === 'money' ? (like.currency === 'GBP' ? '£' : `${like.currency} `) : '';
  return `${currency}${example}${unit}`;
}

function pick(low: Decimal | null, lowIn: boolean, high: Decimal | null, highIn: boolean): string {
  if (low !== null && lowIn) return formatDecimal(low);
  if (high !== null && highIn) return formatDecimal(high);
  if (low !== null && high !== null) {
    const scale = Math.max(low.scale, high.scale) + 1;
    const a = low.units * 10n ** BigInt(scale - low.scale);
    const b = high.units * 10n ** BigInt(scale - high.scale);
    return formatDecimal({ units: (a + b) / 2n, scale });
  }
  if (low !== null) return formatDecimal({ units: low.units + 10n ** BigInt(low.scale), scale: low.scale });
  if (high !== null) return formatDecimal({ units: high.units - 10n ** BigInt(high.scale), scale: high.scale });
  return '0';
}
