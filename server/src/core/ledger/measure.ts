// Measured values as written in a results file (`99.1%`, `6 hours`, `£12k`, `42`) and the
// values of a KPI's targets, thresholds and credits, brought to one measure so they compare
// exactly: minutes, hours, days and weeks together, months and years together, working days
// alone (language-v2.md section 5).

import type { Comparator, Quantity } from '../syntax/ast';
import { parseDecimal, quantityValue } from '../values/decimal';
import { compare, fromDecimal, multiply, rational, type Rational } from './rational';

export interface Measure {
  /** What the value measures: `percent`, `number`, `money:GBP`, `time` (minutes), `months`, `working-days`. */
  readonly dimension: string;
  readonly value: Rational;
}

const MINUTES: Readonly<Record<string, bigint>> = { minute: 1n, hour: 60n, day: 1440n, week: 10080n };
const MONTHS: Readonly<Record<string, bigint>> = { month: 1n, year: 12n };

function durationMeasure(amount: Rational, unit: string): Measure {
  if (unit in MINUTES) return { dimension: 'time', value: multiply(amount, rational(MINUTES[unit])) };
  if (unit in MONTHS) return { dimension: 'months', value: multiply(amount, rational(MONTHS[unit])) };
  return { dimension: 'working-days', value: amount };
}

export function quantityMeasure(q: Quantity): Measure {
  const amount = fromDecimal(quantityValue(q));
  switch (q.unit) {
    case 'percent': return { dimension: 'percent', value: amount };
    case 'money': return { dimension: `money:${q.currency}`, value: amount };
    case 'duration': return durationMeasure(amount, q.duration ?? 'day');
    default: return { dimension: 'number', value: amount };
  }
}

const NUMBER = String.raw`(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)`;
const PERCENT = new RegExp(`^${NUMBER}\\s*%$`);
const PLAIN = new RegExp(`^${NUMBER}$`);
const MONEY = new RegExp(`^(£|€|\\$|[A-Z]{3}\\s?)${NUMBER}(k|m|bn)?$`);
const DURATION = new RegExp(`^${NUMBER}\\s*(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|working\\s+days?)$`, 'i');
const SYMBOLS: Readonly<Record<string, string>> = { '£': 'GBP', '€': 'EUR', $: 'USD' };

const decimalOf = (digits: string, suffix: 'k' | 'm' | 'bn' | null = null): Rational => fromDecimal(parseDecimal(digits.replace(/,/g, ''), suffix));

/** The measure of a written value, or null when it is none of the forms above. */
export function parseMeasure(text: string): Measure | null {
  const t = text.trim();
  let m = PERCENT.exec(t);
  if (m) return { dimension: 'percent', value: decimalOf(m[1]) };
  m = PLAIN.exec(t);
  if (m) return { dimension: 'number', value: decimalOf(m[1]) };
  m = MONEY.exec(t);
  if (m) return { dimension: `money:${SYMBOLS[m[1]] ?? m[1].trim()}`, value: decimalOf(m[2], (m[3] as 'k' | 'm' | 'bn' | undefined) ?? null) };
  m = DURATION.exec(t);
  if (m) {
    const word = m[2].toLowerCase().replace(/\s+/g, ' ');
    const unit = word.startsWith('working') ? 'working-day' : word.startsWith('min') ? 'minute' : word.startsWith('h') ? 'hour' : word.replace(/s$/, '');
    return durationMeasure(decimalOf(m[1]), unit);
  }
  return null;
}

/** Whether `value` meets `comparator bound` (both of one dimension). */
export function satisfies(value: Measure, comparator: Comparator['op'], bound: Measure): boolean {
  const c = compare(value.value, bound.value);
  switch (comparator) {
    case '>=': return c >= 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '<': return c < 0;
    case '=': return c === 0;
  }
}

/** How to write a value of a dimension, for R005. */
export function describeDimension(dimension: string): string {
  if (dimension === 'percent') return 'a percentage such as `99.5%`';
  if (dimension === 'number') return 'a number such as `12`';
  if (dimension === 'time') return 'a duration such as `4 hours` or `2 days`';
  if (dimension === 'months') return 'a duration in months or years such as `3 months`';
  if (dimension === 'working-days') return 'a number of working days such as `5 working days`';
  const currency = dimension.slice('money:'.length);
  return `an amount such as \`${currency === 'GBP' ? '£' : currency + ' '}5k\``;
}
