const DAY_MS = 24 * 60 * 60 * 1000;

const startOfDay = (ts: number): number => {
  const date = new Date(ts);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
};

export type ListTime = { kind: 'time' | 'weekday' | 'date'; text: string } | { kind: 'yesterday' };

/**
 * How long ago a room was active, the way chat lists say it: the time today,
 * "yesterday", the weekday within a week, the date before that.
 */
export const listTime = (ts: number, now: number, locale: string): ListTime => {
  const days = Math.round((startOfDay(now) - startOfDay(ts)) / DAY_MS);
  if (days <= 0) {
    return { kind: 'time', text: clockTime(ts, locale) };
  }
  if (days === 1) {
    return { kind: 'yesterday' };
  }
  if (days < 7) {
    return { kind: 'weekday', text: new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(ts) };
  }
  const sameYear = new Date(ts).getFullYear() === new Date(now).getFullYear();
  const options: Intl.DateTimeFormatOptions = sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return { kind: 'date', text: new Intl.DateTimeFormat(locale, options).format(ts) };
};

export const clockTime = (ts: number, locale: string): string => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(ts);

export const fullTime = (ts: number, locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(ts);

export type DayLabel = { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; text: string };

/** The local day a timestamp falls on, as a key that two items of one day share. */
export const dayKey = (ts: number): number => startOfDay(ts);

/**
 * The heading of a day in the timeline: "today", "yesterday", else the weekday and date
 * (the year only when it is not this year's), in the member's language.
 */
export const dayLabel = (ts: number, now: number, locale: string): DayLabel => {
  const days = Math.round((startOfDay(now) - startOfDay(ts)) / DAY_MS);
  if (days === 0) {
    return { kind: 'today' };
  }
  if (days === 1) {
    return { kind: 'yesterday' };
  }
  const sameYear = new Date(ts).getFullYear() === new Date(now).getFullYear();
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { weekday: 'long', day: 'numeric', month: 'long' }
    : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  return { kind: 'date', text: new Intl.DateTimeFormat(locale, options).format(ts) };
};
