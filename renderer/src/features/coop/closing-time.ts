import { MAX_PROPOSAL_OPEN_MS } from '../../../../shared/model/coop.ts';

export const DEFAULT_OPEN_MS = 7 * 24 * 60 * 60 * 1000;

const pad = (value: number): string => String(value).padStart(2, '0');

/** A moment as `<input type="datetime-local">` shows it: the member's own time zone, to the minute. */
export const toLocalInput = (ts: number): string => {
  const date = new Date(ts);
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** The value of a datetime-local input, read in the member's time zone; null when it is not one. */
export const fromLocalInput = (value: string): number | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (match === null) {
    return null;
  }
  const [, year, month, day, hours, minutes, seconds] = match.map(Number) as [number, number, number, number, number, number, number];
  const ts = new Date(year, month - 1, day, hours, minutes, Number.isNaN(seconds) ? 0 : seconds).getTime();
  return Number.isNaN(ts) ? null : ts;
};

/** A closing time main accepts: in the future, and at most a year away. */
export const closingTimeOk = (closesAt: number, now: number): boolean => closesAt > now && closesAt - now <= MAX_PROPOSAL_OPEN_MS;
