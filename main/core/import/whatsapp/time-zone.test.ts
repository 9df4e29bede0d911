import { describe, expect, it } from 'vitest';
import type { WallClock } from './export-model.ts';
import { toEpochMs } from './time-zone.ts';

const at = (year: number, month: number, day: number, hour: number, minute = 0, second = 0): WallClock => ({ year, month, day, hour, minute, second });
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

describe('toEpochMs', () => {
  it('applies WIB, WITA and WIT (UTC+7, +8, +9, no DST)', () => {
    const ts = at(2024, 1, 5, 8, 3);
    expect(iso(toEpochMs(ts, 'Asia/Jakarta'))).toBe('2024-01-05T01:03:00.000Z');
    expect(iso(toEpochMs(ts, 'Asia/Makassar'))).toBe('2024-01-05T00:03:00.000Z');
    expect(iso(toEpochMs(ts, 'Asia/Jayapura'))).toBe('2024-01-04T23:03:00.000Z');
    expect(iso(toEpochMs(at(2024, 7, 1, 0, 0, 59), 'Asia/Jakarta'))).toBe('2024-06-30T17:00:59.000Z');
  });

  it('handles UTC and crossing a year boundary', () => {
    expect(iso(toEpochMs(at(2024, 12, 31, 23, 59, 59), 'UTC'))).toBe('2024-12-31T23:59:59.000Z');
    expect(iso(toEpochMs(at(2025, 1, 1, 3, 0), 'Asia/Jayapura'))).toBe('2024-12-31T18:00:00.000Z');
  });

  it('uses winter and summer time in Europe/Berlin', () => {
    expect(iso(toEpochMs(at(2024, 1, 15, 12), 'Europe/Berlin'))).toBe('2024-01-15T11:00:00.000Z');
    expect(iso(toEpochMs(at(2024, 7, 15, 12), 'Europe/Berlin'))).toBe('2024-07-15T10:00:00.000Z');
  });

  it('is exact on both sides of the spring-forward change (2024-03-31 02:00 → 03:00)', () => {
    expect(iso(toEpochMs(at(2024, 3, 31, 1, 59, 59), 'Europe/Berlin'))).toBe('2024-03-31T00:59:59.000Z');
    expect(iso(toEpochMs(at(2024, 3, 31, 3, 0), 'Europe/Berlin'))).toBe('2024-03-31T01:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap forward by the gap, as Temporal does', () => {
    // 02:30 does not exist in Berlin that night; it becomes 03:30 CEST.
    expect(iso(toEpochMs(at(2024, 3, 31, 2, 30), 'Europe/Berlin'))).toBe('2024-03-31T01:30:00.000Z');
  });

  it('reads a time that occurs twice at fall-back as the earlier instant (still summer time)', () => {
    expect(iso(toEpochMs(at(2024, 10, 27, 2, 30), 'Europe/Berlin'))).toBe('2024-10-27T00:30:00.000Z');
    expect(iso(toEpochMs(at(2024, 10, 27, 3, 0), 'Europe/Berlin'))).toBe('2024-10-27T02:00:00.000Z');
    expect(iso(toEpochMs(at(2024, 10, 27, 1, 59, 59), 'Europe/Berlin'))).toBe('2024-10-26T23:59:59.000Z');
  });

  it('agrees with a zone whose offset has half hours and a southern DST', () => {
    expect(iso(toEpochMs(at(2024, 1, 5, 12), 'Asia/Kolkata'))).toBe('2024-01-05T06:30:00.000Z');
    expect(iso(toEpochMs(at(2024, 1, 5, 12), 'Australia/Sydney'))).toBe('2024-01-05T01:00:00.000Z');
    expect(iso(toEpochMs(at(2024, 7, 5, 12), 'Australia/Sydney'))).toBe('2024-07-05T02:00:00.000Z');
  });

  it('refuses a name that is not a time zone', () => {
    expect(() => toEpochMs(at(2024, 1, 1, 0), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
