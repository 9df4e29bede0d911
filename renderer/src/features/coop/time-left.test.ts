import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import { timeLeft, timeLeftText } from './time-left.ts';

const id = createI18n('id').t;
const en = createI18n('en').t;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = 1_700_000_000_000;

describe('time left', () => {
  it('says days and hours, in both languages', () => {
    expect(timeLeftText(now + 2 * DAY + 3 * HOUR, now, id)).toBe('sisa 2 hari 3 jam');
    expect(timeLeftText(now + 2 * DAY + 3 * HOUR, now, en)).toBe('2 days 3 hours left');
    expect(timeLeftText(now + DAY + HOUR, now, en)).toBe('1 day 1 hour left');
  });

  it('drops a zero second unit and goes down to minutes near the end', () => {
    expect(timeLeftText(now + 7 * DAY, now, id)).toBe('sisa 7 hari');
    expect(timeLeftText(now + 5 * HOUR + 20 * MINUTE, now, id)).toBe('sisa 5 jam 20 menit');
    expect(timeLeftText(now + 5 * HOUR, now, en)).toBe('5 hours left');
    expect(timeLeftText(now + 1 * MINUTE, now, en)).toBe('1 minute left');
    expect(timeLeftText(now + 59 * MINUTE, now, en)).toBe('59 minutes left');
  });

  it('rounds up to the minute, so it never says zero before the deadline', () => {
    expect(timeLeft(now + 1, now)).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(timeLeftText(now + 1_000, now, id)).toBe('sisa 1 menit');
  });

  it('says the time is up at and after the deadline', () => {
    expect(timeLeft(now, now)).toBeNull();
    expect(timeLeftText(now, now, id)).toBe('waktu habis');
    expect(timeLeftText(now - DAY, now, en)).toBe('time is up');
  });
});
