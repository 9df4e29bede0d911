import { z } from 'zod';

/**
 * An exact rational number. Numerator and denominator are decimal strings so a result can
 * go into an event or over IPC as JSON unchanged; they are always reduced and `den` is
 * positive, so two equal fractions serialise identically and can be compared as text.
 * Results are decided on these alone: floating point only ever formats them for display.
 */
export type Fraction = { num: string; den: string };

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** A fraction as it must appear on the wire: reduced, positive denominator. */
export const fractionSchema = z
  .object({ num: z.string().regex(INTEGER), den: z.string().regex(INTEGER) })
  // zod runs this even when a field failed, so it checks the form again before BigInt() could throw.
  .refine(({ num, den }) => INTEGER.test(num) && INTEGER.test(den) && BigInt(den) > 0n && gcd(BigInt(num), BigInt(den)) === 1n, 'not_reduced');

/** BigInt form used while computing; converted once at the edge. */
export type Ratio = { n: bigint; d: bigint };

const abs = (value: bigint): bigint => (value < 0n ? -value : value);

const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
};

/** The reduced ratio n/d; throws on a zero denominator, which is always a bug in the caller. */
export const ratio = (n: bigint | number, d: bigint | number = 1n): Ratio => {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) {
    throw new RangeError('fraction with a zero denominator');
  }
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const divisor = gcd(num, den);
  return divisor === 1n || divisor === 0n ? { n: num, d: den } : { n: num / divisor, d: den / divisor };
};

export const ZERO: Ratio = { n: 0n, d: 1n };
export const ONE: Ratio = { n: 1n, d: 1n };

export const addRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const subRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mulRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const divRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);

/** -1, 0 or 1 as a is less than, equal to or greater than b (denominators are positive). */
export const compareRatio = (a: Ratio, b: Ratio): -1 | 0 | 1 => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};

export const toFraction = (value: Ratio): Fraction => ({ num: value.n.toString(), den: value.d.toString() });

/** Reads a fraction back, reducing it; throws on text that is not an integer or a zero denominator. */
export const fromFraction = (value: Fraction): Ratio => ratio(BigInt(value.num), BigInt(value.den));

/** The reduced fraction num/den. */
export const fraction = (num: bigint | number, den: bigint | number = 1n): Fraction => toFraction(ratio(num, den));

export const add = (a: Fraction, b: Fraction): Fraction => toFraction(addRatio(fromFraction(a), fromFraction(b)));
export const sub = (a: Fraction, b: Fraction): Fraction => toFraction(subRatio(fromFraction(a), fromFraction(b)));
export const mul = (a: Fraction, b: Fraction): Fraction => toFraction(mulRatio(fromFraction(a), fromFraction(b)));
export const div = (a: Fraction, b: Fraction): Fraction => toFraction(divRatio(fromFraction(a), fromFraction(b)));
export const compare = (a: Fraction, b: Fraction): -1 | 0 | 1 => compareRatio(fromFraction(a), fromFraction(b));
export const equals = (a: Fraction, b: Fraction): boolean => compare(a, b) === 0;

/**
 * "55.25 %"-style text, rounded half up to `decimals` places, computed on the integers so
 * that 2/3 shows as 66.67 on every platform. For display only.
 */
export const toPercent = (value: Fraction, decimals = 2): string => {
  const { n, d } = fromFraction(value);
  const scale = 10n ** BigInt(decimals);
  const negative = n < 0n;
  const scaled = (abs(n) * 100n * scale * 2n + d) / (2n * d);
  const whole = (scaled / scale).toString();
  const fractional = decimals > 0 ? `.${(scaled % scale).toString().padStart(decimals, '0')}` : '';
  return `${negative && scaled !== 0n ? '-' : ''}${whole}${fractional} %`;
};

/** An approximation for charts and for checking the exact arithmetic in tests; never for deciding. */
export const toNumber = (value: Fraction): number => Number(value.num) / Number(value.den);
