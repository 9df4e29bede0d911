/** Small arithmetic on wall-clock times, without Date (whose zone is the process's). */
import type { WallClock } from './export-model.ts';

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

/** Seconds since 1970-01-01T00:00 of the wall clock read as if it were UTC: for ordering and differences only. */
export const wallSeconds = (ts: WallClock): number => daysFromCivil(ts.year, ts.month, ts.day) * 86400 + ts.hour * 3600 + ts.minute * 60 + ts.second;

export const isValidWallClock = (ts: WallClock): boolean =>
  ts.month >= 1 &&
  ts.month <= 12 &&
  ts.day >= 1 &&
  ts.day <= daysInMonth(ts.year, ts.month) &&
  ts.hour >= 0 &&
  ts.hour <= 23 &&
  ts.minute >= 0 &&
  ts.minute <= 59 &&
  ts.second >= 0 &&
  ts.second <= 59;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2024-01-05T08:03:00`, the form the fixtures' ground truth uses. */
export const formatWallClock = (ts: WallClock): string =>
  `${pad(ts.year, 4)}-${pad(ts.month)}-${pad(ts.day)}T${pad(ts.hour)}:${pad(ts.minute)}:${pad(ts.second)}`;
