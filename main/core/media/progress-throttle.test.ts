import { describe, expect, it } from 'vitest';
import { throttleProgress } from './progress-throttle.ts';

describe('throttleProgress', () => {
  it('passes the first, the last and one report per interval', () => {
    let time = 0;
    const seen: number[] = [];
    const report = throttleProgress(
      (loaded) => seen.push(loaded),
      () => time,
    );
    report(0, 100);
    time = 50;
    report(10, 100);
    time = 120;
    report(20, 100);
    time = 130;
    report(30, 100);
    report(100, 100);
    expect(seen).toEqual([0, 20, 100]);
  });
});
