import { describe, expect, it } from 'vitest';
import { listTime } from './format-time.ts';

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
