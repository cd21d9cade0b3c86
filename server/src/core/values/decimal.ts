// Exact decimal amounts (money, percentages, plain numbers) as a scaled bigint, so that
// `£1.5m` equals `£1,500,000` exactly and no comparison suffers from binary rounding.

import type { Quantity } from '../syntax/ast';

export interface Decimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  readonly scale: number;
}

const SUFFIX_DIGITS = { k: 3, m: 6, bn: 9 } as const;

export function parseDecimal(digits: string, suffix: 'k' | 'm' | 'bn' | null = null): Decimal {
  const negative = digits.startsWith('-');
  const clean = negative ? digits.slice(1) : digits;
  const [whole, fraction = ''] = clean.split('.');
  let units = BigInt(whole + fraction || '0');
  let scale = fraction.length;
  if (suffix) {
    const shift = SUFFIX_DIGITS[suffix];
    if (scale >= shift) scale -= shift;
    else {
      units *= 10n ** BigInt(shift - scale);
      scale = 0;
    }
  }
  return { units: negative ? -units : units, scale };
}

export function quantityValue(q: Quantity): Decimal {
  return parseDecimal(q.digits, q.scale);
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(scale - a.scale);
  const y = b.units * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Plain decimal notation, without trailing zeros: `1500000`, `99.5`. */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  let whole = digits.slice(0, digits.length - d.scale);
  let fraction = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  if (whole === '') whole = '0';
  return (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}

/**
 * A plain decimal string (`60000.00`, `-1234567.5`) with its whole part grouped by thousands,
 * as an amount worked out for a reader is printed: `60,000.00`. Amounts written in a contract
 * keep the form they were written in (`formatQuantity`), and machine-read outputs the plain one.
 */
export function groupedThousands(plain: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(plain);
  if (!match) return plain;
  const [, sign, whole, fraction = ''] = match;
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + fraction;
}

/** The quantity as written by a person: `£200k`, `99.5%`, `EUR 5k`, `4 hours`. */
export function formatQuantity(q: Quantity): string {
  const amount = q.digits + (q.scale ?? '');
  if (q.unit === 'percent') return amount + '%';
  if (q.unit === 'duration' && q.duration) return `${amount} ${q.duration.replace('-', ' ')}${amount === '1' ? '' : 's'}`;
  if (q.unit === 'money') return q.currency === 'GBP' ? '£' + amount : `${q.currency} ${amount}`;
  return amount;
}

/** The unit a value is measured in, for "same unit" comparisons: percent, number, or money of one currency. */
export function unitKey(q: Quantity): string {
  return q.unit === 'money' ? `money:${q.currency}` : q.unit;
}
