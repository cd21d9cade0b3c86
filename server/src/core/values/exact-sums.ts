// Exact sums of money prorated by days: fractions of bigints, added without rounding and
// rounded once at the end, so that twelve monthly shares of £100m make exactly £100m.

import type { Decimal } from './decimal';

/** A fraction numerator / denominator, the denominator above zero. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export const ZERO_FRACTION: Fraction = { numerator: 0n, denominator: 1n };

export function fractionOf(d: Decimal): Fraction {
  return { numerator: d.units, denominator: 10n ** BigInt(d.scale) };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return reduced(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** `f` times `times` divided by `by` (`by` above zero). */
export function scaleFraction(f: Fraction, times: bigint, by: bigint): Fraction {
  if (by <= 0n) throw new RangeError('a fraction is divided only by a number above zero');
  return reduced(f.numerator * times, f.denominator * by);
}

/** The decimal with `scale` digits after the point nearest to `f`, halves away from zero. */
export function roundFraction(f: Fraction, scale: number): Decimal {
  const shifted = f.numerator * 10n ** BigInt(scale);
  const negative = shifted < 0n;
  const magnitude = negative ? -shifted : shifted;
  let units = magnitude / f.denominator;
  if ((magnitude % f.denominator) * 2n >= f.denominator) units += 1n;
  return { units: negative ? -units : units, scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

function reduced(numerator: bigint, denominator: bigint): Fraction {
  const d = gcd(numerator < 0n ? -numerator : numerator, denominator);
  return d > 1n ? { numerator: numerator / d, denominator: denominator / d } : { numerator, denominator };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const x = a.numerator * b.denominator;
  const y = b.numerator * a.denominator;
  return x < y ? -1 : x > y ? 1 : 0;
}
