import { describe, expect, it } from 'vitest';
import { closingTimeOk, fromLocalInput, toLocalInput } from './closing-time.ts';

describe('closing time', () => {
  it('round-trips through the datetime-local format in the local time zone', () => {
    const ts = new Date(2031, 2, 4, 17, 5).getTime();
    expect(toLocalInput(ts)).toBe('2031-03-04T17:05');
    expect(fromLocalInput('2031-03-04T17:05')).toBe(ts);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('kemarin')).toBeNull();
  });

  it('must be in the future and at most a year away', () => {
    const now = Date.now();
    expect(closingTimeOk(now + 60_000, now)).toBe(true);
    expect(closingTimeOk(now, now)).toBe(false);
    expect(closingTimeOk(now + 400 * 24 * 60 * 60 * 1000, now)).toBe(false);
  });
});
