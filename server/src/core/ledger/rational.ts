// Exact fractions of bigints, for money and measured values: a credit is 2% of a twelfth of a
// yearly charge, and no binary rounding may creep into what a council is owed. Amounts are
// rounded to pennies only where a person reads them (and where a contract would: each credit).

import type { Decimal } from '../values/decimal';

export interface Rational {
  /** Numerator; the denominator is always positive. */
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('a fraction with denominator 0');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n < 0n ? -n : n, d < 0n ? -d : d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export function fromDecimal(x: Decimal): Rational {
  return rational(x.units, 10n ** BigInt(x.scale));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

export function compare(a: Rational, b: Rational): number {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);

/** To the nearest penny, halves away from zero, as invoices round. */
export function roundToPennies(a: Rational): Rational {
  const scaled = a.n * 100n;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  let q = abs / a.d;
  if ((abs % a.d) * 2n >= a.d) q += 1n;
  return rational(negative ? -q : q, 100n);
}

/** `1234.50`: two places, no separators (the JSON's decimal strings). */
export function formatPennies(a: Rational): string {
  const r = roundToPennies(a);
  const pennies = (r.n * 100n) / r.d;
  const negative = pennies < 0n;
  const digits = (negative ? -pennies : pennies).toString().padStart(3, '0');
  return (negative ? '-' : '') + digits.slice(0, -2) + '.' + digits.slice(-2);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** An exact decimal as the ledger writes it (`-1234.50`) read back. */
export function fromDecimalString(text: string): Rational {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = fromDecimal({ units: BigInt(whole + fraction), scale: fraction.length });
  return text.startsWith('-') ? rational(-value.n, value.d) : value;
}
