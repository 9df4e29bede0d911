import type { TFunction } from 'i18next';

const MINUTE_MS = 60_000;

export type TimeLeft = { days: number; hours: number; minutes: number };

/**
 * What is left until `closesAt`, in whole minutes rounded up (so "1 minute" lasts until the
 * deadline), or null once it has passed.
 */
export const timeLeft = (closesAt: number, now: number): TimeLeft | null => {
  const ms = closesAt - now;
  if (ms <= 0) {
    return null;
  }
  const minutes = Math.ceil(ms / MINUTE_MS);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
};

/**
 * "sisa 2 hari 3 jam" / "2 days 3 hours left": the two largest units that matter (days and
 * hours, or hours and minutes), dropping a zero second unit; "time is up" after the deadline.
 */
export const timeLeftText = (closesAt: number, now: number, t: TFunction): string => {
  const left = timeLeft(closesAt, now);
  if (left === null) {
    return t('coop.time.over');
  }
  const parts: string[] = [];
  if (left.days > 0) {
    parts.push(t('coop.time.days', { count: left.days }));
    if (left.hours > 0) {
      parts.push(t('coop.time.hours', { count: left.hours }));
    }
  } else if (left.hours > 0) {
    parts.push(t('coop.time.hours', { count: left.hours }));
    if (left.minutes > 0) {
      parts.push(t('coop.time.minutes', { count: left.minutes }));
    }
  } else {
    parts.push(t('coop.time.minutes', { count: left.minutes }));
  }
  return t('coop.time.left', { time: parts.join(' ') });
};
