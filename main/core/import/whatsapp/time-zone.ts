/**
 * A wall-clock time in a named zone → epoch milliseconds, with `Intl` only. Exports have no
 * zone (reference §3), so the member's zone is applied here, explicitly, instead of the
 * process's zone that `new Date(y, m, d)` would use.
 *
 * Around a DST change this follows Temporal's `compatible` choice: a time that occurs twice
 * (clocks going back) is the earlier instant, a time that never occurs (clocks going
 * forward) is moved forward by the length of the gap.
 */
import type { WallClock } from './export-model.ts';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a name that is not an IANA zone known to this runtime. */
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Wall clock read as UTC; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. */
const wallAsUtc = (year: number, month: number, day: number, hour: number, minute: number, second: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
};

/** The zone's offset from UTC at an instant, in ms (+7 h for Asia/Jakarta). */
const offsetAt = (epochMs: number, timeZone: string): number => {
  const fields = new Map<string, number>();
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    fields.set(part.type, Number(part.value));
  }
  const field = (type: string): number => fields.get(type) ?? 0;
  const local = wallAsUtc(field('year'), field('month'), field('day'), field('hour') % 24, field('minute'), field('second'));
  return local - (epochMs - (((epochMs % 1000) + 1000) % 1000));
};

export const toEpochMs = (ts: WallClock, timeZone: string): number => {
  const local = wallAsUtc(ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second);
  // The offsets a day either side bracket any single transition near this time.
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const instants = [...new Set([before, after])].map((offset) => local - offset).filter((instant) => local - instant === offsetAt(instant, timeZone));
  if (instants.length > 0) {
    return Math.min(...instants);
  }
  // In a gap: read the time with the offset from before the change, i.e. move it forward.
  return local - before;
};
