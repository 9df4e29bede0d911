/**
 * Recognising a header line: `DATE TIME - rest` (Android) or `[DATE TIME] rest` (iOS), per the
 * grammar in the reference §2. The patterns are anchored and bounded, so a 2 MB line costs a
 * few character comparisons. Nothing here decides the date order: the three date numbers are
 * kept as written.
 */
import type { ExportFormat } from './export-model.ts';

export type HeaderMatch = {
  readonly format: ExportFormat;
  /**
   * The header's shape (format, separators, comma, seconds, 12 h clock). A file has one shape;
   * a line of another shape inside it (an iOS-looking line in an Android file) is text.
   */
  readonly shape: string;
  /** The date and time as written, e.g. `15/01/24 09.01` or `1/12/21, 4:37:05 PM`. */
  readonly raw: string;
  readonly numbers: readonly [string, string, string];
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly meridiem: 'am' | 'pm' | null;
  /** What follows the header: `Sender: text`, or a system text. */
  readonly rest: string;
};

// Groups: 1 raw date-time, 2/4/5 date numbers, 3 date separator, 6 comma, 7 hour,
// 8 time separator, 9 minute, 10 second, 11 a/p of AM/PM (with U+202F or NBSP before it).
const DATE_TIME = String.raw`((\d{1,4})([/.\-])(\d{1,4})\3(\d{1,4})(,?) (\d{1,2})([:.])(\d{2})(?:\8(\d{2}))?(?:[ \u202F\u00A0]?([AaPp])\.?[ \u00A0]?[Mm]\.?)?)`;
const ANDROID = new RegExp(String.raw`^[\u200E\u200F]?${DATE_TIME} - `);
const IOS = new RegExp(String.raw`^[\u200E\u200F]?\[${DATE_TIME}\] `);

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Quick test on the first characters so most continuation lines never reach a regex. */
const mayBeHeader = (line: string): boolean => {
  let code = line.charCodeAt(0);
  if (code === 0x200e || code === 0x200f) {
    code = line.charCodeAt(1);
  }
  return isDigit(code) || code === 91; // '['
};

export const matchHeader = (line: string): HeaderMatch | null => {
  if (line.length < 12 || !mayBeHeader(line)) {
    return null;
  }
  let format: ExportFormat = 'android';
  let match = ANDROID.exec(line);
  if (match === null) {
    format = 'ios';
    match = IOS.exec(line);
    if (match === null) {
      return null;
    }
  }
  const [whole, raw, first, dateSeparator, second, third, comma, hour, timeSeparator, minute, seconds, meridiem] = match;
  if (raw === undefined || first === undefined || second === undefined || third === undefined || hour === undefined || minute === undefined) {
    return null;
  }
  const marker = meridiem?.toLowerCase();
  return {
    format,
    shape: `${format}|${dateSeparator ?? ''}|${comma ?? ''}|${timeSeparator ?? ''}|${seconds === undefined ? '' : 's'}|${marker === undefined ? '24h' : '12h'}`,
    raw,
    numbers: [first, second, third],
    hour: Number(hour),
    minute: Number(minute),
    second: seconds === undefined ? 0 : Number(seconds),
    meridiem: marker === undefined ? null : marker === 'a' ? 'am' : 'pm',
    rest: line.slice(whole.length),
  };
};

/** `[3/18/2565 BE, 14:56:01]` or `[3/18/R4, …]`: dates in a calendar we do not read. */
const OTHER_CALENDAR = /^[\u200E\u200F]?\[?\d{1,4}[/.-]\d{1,4}[/.-](?:\d{4} BE|[HMRST]\d{1,2}),? \d/;

export const looksLikeOtherCalendar = (line: string): boolean => OTHER_CALENDAR.test(line);
