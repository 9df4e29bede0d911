import { describe, expect, it } from 'vitest';
import { RateMeter, RATE_WINDOW_MS } from './import-progress.ts';

describe('RateMeter', () => {
  it('has no rate before two sends', () => {
    const meter = new RateMeter();
    expect(meter.rate(0)).toBeNull();
    meter.record(0);
    expect(meter.rate(0)).toBeNull();
  });

  it('counts the sends of the last half minute', () => {
    const meter = new RateMeter();
    for (let t = 0; t < 60_000; t += 100) {
      meter.record(t);
    }
    // 10 a second, whatever came before the window.
    expect(meter.rate(60_000)).toBeCloseTo(10, 0);
    expect(meter.rate(60_000 + RATE_WINDOW_MS + 1)).toBeNull();
  });
});
