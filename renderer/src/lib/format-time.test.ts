import { describe, expect, it } from 'vitest';
import { dayKey, dayLabel, listTime } from './format-time.ts';

describe('listTime', () => {
  const now = new Date(2026, 10, 20, 15, 0).getTime();
  it('shows the time today, yesterday, the weekday within a week, then the date', () => {
    expect(listTime(new Date(2026, 10, 20, 9, 5).getTime(), now, 'en').kind).toBe('time');
    expect(listTime(new Date(2026, 10, 19, 23, 59).getTime(), now, 'en')).toEqual({ kind: 'yesterday' });
    expect(listTime(new Date(2026, 10, 16, 12, 0).getTime(), now, 'en').kind).toBe('weekday');
    const old = listTime(new Date(2026, 9, 1).getTime(), now, 'en');
    expect(old.kind).toBe('date');
    expect(old.kind === 'date' && old.text).not.toMatch(/2026/);
    const older = listTime(new Date(2025, 9, 1).getTime(), now, 'en');
    expect(older.kind === 'date' && older.text).toMatch(/2025/);
  });
});

describe('dayLabel', () => {
  const now = new Date(2026, 10, 20, 15, 0).getTime();
  it('says today and yesterday, then the weekday and date in the member language, with the year only when another', () => {
    expect(dayLabel(new Date(2026, 10, 20, 0, 1).getTime(), now, 'id')).toEqual({ kind: 'today' });
    expect(dayLabel(new Date(2026, 10, 19, 23, 59).getTime(), now, 'id')).toEqual({ kind: 'yesterday' });
    expect(dayLabel(new Date(2026, 10, 16, 12, 0).getTime(), now, 'id')).toEqual({ kind: 'date', text: 'Senin, 16 November' });
    expect(dayLabel(new Date(2026, 10, 16, 12, 0).getTime(), now, 'en')).toEqual({ kind: 'date', text: 'Monday, November 16' });
    expect(dayLabel(new Date(2025, 0, 2, 12, 0).getTime(), now, 'id')).toEqual({ kind: 'date', text: 'Kamis, 2 Januari 2025' });
  });

  it('gives two times of one day the same key and the next day another', () => {
    expect(dayKey(new Date(2026, 10, 20, 0, 1).getTime())).toBe(dayKey(new Date(2026, 10, 20, 23, 59).getTime()));
    expect(dayKey(new Date(2026, 10, 21, 0, 0).getTime())).not.toBe(dayKey(new Date(2026, 10, 20, 23, 59).getTime()));
  });
});
