// A KPI's values as things to compare: which values compare with which (percentages with
// percentages, money of one currency, plain numbers, and durations: minutes, hours, days and
// weeks exactly with each other, months and years with each other, working days only with
// working days), and the set of values a condition such as `< 99.5%` admits.

import type { Comparator, DurationUnit, Quantity } from '../syntax/ast';
import { compareDecimal, formatDecimal, formatQuantity, parseDecimal, quantityValue, unitKey, type Decimal } from '../values/decimal';

const HUNDRED = parseDecimal('100');
const ZERO = parseDecimal('0');

/** Each duration unit as a count of its family's smallest unit. */
const DURATION_SCALE: Readonly<Record<DurationUnit, { readonly family: string; readonly factor: bigint }>> = {
  minute: { family: 'time', factor: 1n },
  hour: { family: 'time', factor: 60n },
  day: { family: 'time', factor: 1440n },
  week: { family: 'time', factor: 10080n },
  month: { family: 'months', factor: 1n },
  year: { family: 'months', factor: 12n },
  'working-day': { family: 'working-days', factor: 1n },
};

/** Values with the same key compare with each other. */
export function comparableUnit(q: Quantity): string {
  return q.unit === 'duration' && q.duration ? `duration:${DURATION_SCALE[q.duration].family}` : unitKey(q);
}

/** The value in its family's smallest unit (minutes, months), so that `1 day` exceeds `8 hours`. */
export function comparableValue(q: Quantity): Decimal {
  const value = quantityValue(q);
  if (q.unit !== 'duration' || !q.duration) return value;
  return { units: value.units * DURATION_SCALE[q.duration].factor, scale: value.scale };
}

/** `>= 99.5%`, as written. */
export function writtenCondition(c: Comparator, q: Quantity): string {
  return `${c.op} ${formatQuantity(q)}`;
}

/** A set of values `op x`, as an interval with open or closed ends (null for unbounded). */
export interface Interval {
  readonly low: Decimal | null;
  readonly lowIncluded: boolean;
  readonly high: Decimal | null;
  readonly highIncluded: boolean;
}

export function interval(op: Comparator['op'], x: Decimal): Interval {
  switch (op) {
    case '>=': return { low: x, lowIncluded: true, high: null, highIncluded: false };
    case '>': return { low: x, lowIncluded: false, high: null, highIncluded: false };
    case '<=': return { low: null, lowIncluded: false, high: x, highIncluded: true };
    case '<': return { low: null, lowIncluded: false, high: x, highIncluded: false };
    case '=': return { low: x, lowIncluded: true, high: x, highIncluded: true };
  }
}

/** The values a condition admits, in comparable units. */
export function conditionInterval(c: Comparator, q: Quantity): Interval {
  return interval(c.op, comparableValue(q));
}

/**
 * A value in both intervals within the unit's domain (0-100 for percentages, from 0 for money
 * and durations), written like `like`, or undefined when they are disjoint.
 */
export function sharedValue(a: Interval, b: Interval, like: Quantity): string | undefined {
  const domainLow = like.unit === 'percent' || like.unit === 'money' || like.unit === 'duration' ? ZERO : null;
  const domainHigh = like.unit === 'percent' ? HUNDRED : null;
  // The higher of the two lows and the domain's, and the lower of the highs, each in one
  // pass without a list of pairs (this compares every two KPI targets as a contract opens).
  let low: Decimal | null = null;
  let lowIn = true;
  const raise = (v: Decimal | null, inc: boolean): void => {
    if (v === null) return;
    const c: number = low === null ? 1 : compareDecimal(v, low);
    if (c > 0 || (c === 0 && !inc)) {
      lowIn = c > 0 ? inc : lowIn && inc;
      low = v;
    }
  };
  raise(a.low, a.lowIncluded);
  raise(b.low, b.lowIncluded);
  raise(domainLow, true);
  let high: Decimal | null = null;
  let highIn = true;
  const lower = (v: Decimal | null, inc: boolean): void => {
    if (v === null) return;
    const c: number = high === null ? -1 : compareDecimal(v, high);
    if (c < 0 || (c === 0 && !inc)) {
      highIn = c < 0 ? inc : highIn && inc;
      high = v;
    }
  };
  lower(a.high, a.highIncluded);
  lower(b.high, b.highIncluded);
  lower(domainHigh, true);
  if (low !== null && high !== null) {
    const c = compareDecimal(low, high);
    if (c > 0 || (c === 0 && !(lowIn && highIn))) return undefined;
  }
  return writtenLike(pick(low, lowIn, high, highIn), like);
}

/** Whether every value of `inner` lies in `outer`. */
export function within(inner: Interval, outer: Interval): boolean {
  const lowOk = outer.low === null || (inner.low !== null && (compareDecimal(inner.low, outer.low) > 0 || (compareDecimal(inner.low, outer.low) === 0 && (outer.lowIncluded || !inner.lowIncluded))));
  const highOk = outer.high === null || (inner.high !== null && (compareDecimal(inner.high, outer.high) < 0 || (compareDecimal(inner.high, outer.high) === 0 && (outer.highIncluded || !inner.highIncluded))));
  return lowOk && highOk;
}

function writtenLike(value: Decimal, like: Quantity): string {
  if (like.unit === 'percent') return `${formatDecimal(value)}%`;
  if (like.unit === 'money') return (like.currency === 'GBP' ? '£' : `${like.currency} `) + formatDecimal(value);
  if (like.unit === 'duration' && like.duration) {
    // Back into the written unit when it comes out whole, else in the family's smallest unit.
    const { family, factor } = DURATION_SCALE[like.duration];
    const whole = value.scale === 0 && value.units % factor === 0n;
    const count = whole ? value.units / factor : null;
    const unit = whole ? like.duration : family === 'time' ? 'minute' : family === 'months' ? 'month' : 'working-day';
    return formatQuantity({ ...like, digits: count !== null ? count.toString() : formatDecimal(value), scale: null, duration: unit });
  }
  return formatDecimal(value);
}

function pick(low: Decimal | null, lowIn: boolean, high: Decimal | null, highIn: boolean): Decimal {
  if (low !== null && lowIn) return low;
  if (high !== null && highIn) return high;
  if (low !== null && high !== null) {
    const scale = Math.max(low.scale, high.scale) + 1;
    const a = low.units * 10n ** BigInt(scale - low.scale);
    const b = high.units * 10n ** BigInt(scale - high.scale);
    return { units: (a + b) / 2n, scale };
  }
  if (low !== null) return { units: low.units + 10n ** BigInt(low.scale), scale: low.scale };
  if (high !== null) return { units: high.units - 10n ** BigInt(high.scale), scale: high.scale };
  return ZERO;
}
