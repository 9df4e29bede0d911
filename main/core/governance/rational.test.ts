import { describe, expect, it } from 'vitest';
import { add, compare, div, equals, fraction, fractionSchema, mul, sub, toNumber, toPercent } from './rational.ts';

describe('rational', () => {
  it('always reduces and keeps the denominator positive', () => {
    expect(fraction(5525, 10000)).toEqual({ num: '221', den: '400' });
    expect(fraction(3, -6)).toEqual({ num: '-1', den: '2' });
    expect(fraction(0, 7)).toEqual({ num: '0', den: '1' });
  });

  it('refuses a zero denominator', () => {
    expect(() => fraction(1, 0)).toThrow(RangeError);
  });

  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(add(fraction(1, 3), fraction(1, 6))).toEqual(fraction(1, 2));
    expect(sub(fraction(1, 3), fraction(1, 2))).toEqual(fraction(-1, 6));
    expect(mul(fraction(2, 3), fraction(3, 4))).toEqual(fraction(1, 2));
    expect(div(fraction(1, 3), fraction(2, 3))).toEqual(fraction(1, 2));
    // Past 2^53 floating point would lose the last unit; BigInt does not.
    const huge = fraction(2n ** 80n + 1n, 3n);
    expect(sub(huge, fraction(2n ** 80n, 3n))).toEqual(fraction(1, 3));
  });

  it('compares without rounding', () => {
    expect(compare(fraction(221, 400), fraction(1, 2))).toBe(1);
    expect(compare(fraction(2, 3), fraction(6666666667, 10000000000))).toBe(-1);
    expect(equals(fraction(2, 4), fraction(1, 2))).toBe(true);
  });

  it('formats percentages from the integers, rounding half up', () => {
    expect(toPercent(fraction(221, 400))).toBe('55.25 %');
    expect(toPercent(fraction(2, 3))).toBe('66.67 %');
    expect(toPercent(fraction(1, 8), 1)).toBe('12.5 %');
    expect(toPercent(fraction(1, 3), 0)).toBe('33 %');
    expect(toPercent(fraction(1))).toBe('100.00 %');
    expect(toNumber(fraction(1, 4))).toBe(0.25);
  });

  it('accepts only reduced fractions on the wire', () => {
    expect(fractionSchema.safeParse({ num: '221', den: '400' }).success).toBe(true);
    expect(fractionSchema.safeParse({ num: '2', den: '4' }).success).toBe(false);
    expect(fractionSchema.safeParse({ num: '1', den: '-2' }).success).toBe(false);
    expect(fractionSchema.safeParse({ num: '1.5', den: '2' }).success).toBe(false);
  });
});
