import { describe, expect, it } from 'vitest';
import { Stopwatch } from './seed-demo.ts';

describe('Stopwatch', () => {
  it('records each step in order with its time, a failed step too', async () => {
    const watch = new Stopwatch();
    expect(await watch.time('first', () => Promise.resolve(42))).toBe(42);
    await expect(watch.time('second', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(watch.timings.map((timing) => timing.step)).toEqual(['first', 'second']);
    expect(watch.timings.every((timing) => timing.ms >= 0)).toBe(true);
  });
});
