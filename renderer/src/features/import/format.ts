import type { WallClock } from '../../../../shared/model/import.ts';

/** A time as the phone showed it (no zone): formatted as it stands, in the member's language. */
export const wallClockText = (ts: WallClock, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    Date.UTC(ts.year, ts.month - 1, ts.day, ts.hour, ts.minute, ts.second),
  );

export const dateText = (ts: WallClock, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(ts.year, ts.month - 1, ts.day));

export const bytesText = (bytes: number, locale: string): string => {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
};

/** "2 jam 5 menit" / "5 minutes" / "40 seconds": the largest two units that matter. */
export const durationText = (ms: number, locale: string): string => {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const unit = (value: number, name: 'hour' | 'minute' | 'second'): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (seconds < 60) {
    return unit(seconds, 'second');
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return unit(minutes, 'minute');
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
};

/** The member's own zone first, then Indonesia's three, then every zone the runtime knows. */
export const timeZoneChoices = (own: string): string[] => {
  const indonesia = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([own, ...indonesia, ...all])];
};

export const ownTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
