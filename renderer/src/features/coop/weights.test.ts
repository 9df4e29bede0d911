import { describe, expect, it } from 'vitest';
import { checkWeights, percentToBps } from './weights.ts';

describe('weights', () => {
  it('reads percentages with up to two decimals as basis points, either decimal mark', () => {
    expect(percentToBps('35')).toBe(3500);
    expect(percentToBps('12,5')).toBe(1250);
    expect(percentToBps('12.50')).toBe(1250);
    expect(percentToBps(' 0.01 % ')).toBe(1);
    expect(percentToBps('100')).toBe(10_000);
  });

  it('refuses anything else', () => {
    for (const text of ['', 'abc', '12.345', '-5', '100.01', '1e2', '12,', '.5']) {
      expect(percentToBps(text), text).toBeNull();
    }
  });

  it('accepts only a total of exactly 100 %', () => {
    expect(checkWeights({ pendiri: '25', pekerja: '35', pengguna: '30', investor: '10' })).toEqual({
      weights: { pendiri: 2500, pekerja: 3500, pengguna: 3000, investor: 1000 },
      invalid: [],
      sumBps: 10_000,
      ok: true,
    });
    expect(checkWeights({ pendiri: '33,33', pekerja: '33,33', pengguna: '33,33', investor: '0' }).ok).toBe(false);
    expect(checkWeights({ pendiri: '33,33', pekerja: '33,33', pengguna: '33,34', investor: '0' }).ok).toBe(true);
    const bad = checkWeights({ pendiri: 'x', pekerja: '50', pengguna: '50', investor: '0' });
    expect([bad.ok, bad.invalid, bad.sumBps]).toEqual([false, ['pendiri'], 10_000]);
  });
});
