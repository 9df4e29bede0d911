/**
 * Which header number is the day, which the month. The file never says (reference §3): an
 * Indonesian phone with a US region writes month first. A number over 12 decides; so does a
 * reading under which the dates would run backwards. When nothing decides, the result says
 * `ambiguous` and carries sample dates read both ways, so a preview can ask the member, and
 * the chosen order comes back as `ParseOptions.dateOrder`.
 */
import type { DateOrder, DateOrderInfo, DateSample, WallClock } from './export-model.ts';
import type { HeaderMatch } from './header-line.ts';
import { daysFromCivil, isValidWallClock } from './wall-clock.ts';

/**
 * Two-digit years are 20yy: WhatsApp did not exist before 2009. Years from 2400 are Thai
 * Buddhist years (2565 = 2022), which we do not convert.
 */
export const FIRST_OTHER_CALENDAR_YEAR = 2400;

const year = (written: string): number => {
  const value = Number(written);
  return written.length <= 2 ? 2000 + value : value;
};

const hour24 = (header: HeaderMatch): number => {
  if (header.meridiem === null) {
    return header.hour;
  }
  if (header.hour < 1 || header.hour > 12) {
    return -1; // invalid; rejected by isValidWallClock
  }
  // 12 AM is midnight, 12 PM is noon.
  return (header.hour % 12) + (header.meridiem === 'pm' ? 12 : 0);
};

/** The header's time under one order, or null when that reading is not a real date. */
export const toWallClock = (header: HeaderMatch, order: DateOrder): WallClock | null => {
  const [a, b, c] = header.numbers;
  const [dayText, monthText, yearText] = order === 'dmy' ? [a, b, c] : order === 'mdy' ? [b, a, c] : [c, b, a];
  if (order !== 'ymd' && yearText.length === 3) {
    return null;
  }
  const ts: WallClock = {
    year: year(yearText),
    month: Number(monthText),
    day: Number(dayText),
    hour: hour24(header),
    minute: header.minute,
    second: header.second,
  };
  return isValidWallClock(ts) ? ts : null;
};

const dayKey = (ts: WallClock | null): number | null => (ts === null ? null : daysFromCivil(ts.year, ts.month, ts.day));

/** How often consecutive header dates go back by a day or more under one reading. */
const backwardSteps = (headers: readonly HeaderMatch[], order: DateOrder): number => {
  let previous: number | null = null;
  let steps = 0;
  for (const header of headers) {
    const key = dayKey(toWallClock(header, order));
    if (key === null) {
      continue;
    }
    if (previous !== null && key < previous) {
      steps += 1;
    }
    previous = key;
  }
  return steps;
};

/** Up to three dates spread over the file whose day and month differ (else both readings agree). */
const samples = (headers: readonly HeaderMatch[]): DateSample[] => {
  const seen = new Set<string>();
  const distinct: HeaderMatch[] = [];
  for (const header of headers) {
    const date = `${header.numbers[0]}/${header.numbers[1]}/${header.numbers[2]}`;
    if (header.numbers[0] !== header.numbers[1] && !seen.has(date)) {
      seen.add(date);
      distinct.push(header);
    }
  }
  const picks = distinct.length <= 3 ? distinct : [distinct[0], distinct[Math.floor(distinct.length / 2)], distinct[distinct.length - 1]];
  return picks
    .filter((header): header is HeaderMatch => header !== undefined)
    .map((header) => ({ raw: header.raw, dmy: toWallClock(header, 'dmy'), mdy: toWallClock(header, 'mdy') }));
};

/**
 * whatsapp-chat-parser's last resort: the position that changes more often is the day.
 * Used only to preselect an answer when the member is asked.
 */
const changesMoreOften = (headers: readonly HeaderMatch[]): DateOrder => {
  let firstChanges = 0;
  let secondChanges = 0;
  for (let index = 1; index < headers.length; index++) {
    const [a, b] = (headers[index] as HeaderMatch).numbers;
    const [previousA, previousB] = (headers[index - 1] as HeaderMatch).numbers;
    firstChanges += a === previousA ? 0 : 1;
    secondChanges += b === previousB ? 0 : 1;
  }
  return secondChanges > firstChanges ? 'mdy' : 'dmy';
};

/** A date WhatsApp wrote into an attachment's name, beside the header it belongs to. */
export type DateHint = { readonly header: HeaderMatch; readonly year: number; readonly month: number; readonly day: number };

const ANDROID_NAME_DATE = /^(?:IMG|VID|PTT|AUD|STK|DOC)-(\d{4})(\d{2})(\d{2})-WA\d/;
const IOS_NAME_DATE = /^\d{8}-[A-Z]+-(\d{4})-(\d{2})-(\d{2})-\d{2}-\d{2}-\d{2}\./;

/** `IMG-20240105-WA0003.jpg`, `00000012-PHOTO-2021-01-12-16-35-26.jpg` carry the day they were sent. */
export const dateInFileName = (fileName: string): { year: number; month: number; day: number } | null => {
  const match = ANDROID_NAME_DATE.exec(fileName) ?? IOS_NAME_DATE.exec(fileName);
  return match === null ? null : { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
};

/** Which reading the attachment names agree with, when they clearly agree with one. */
const agreesWithFileNames = (hints: readonly DateHint[]): DateOrder | null => {
  let dmy = 0;
  let mdy = 0;
  for (const hint of hints) {
    for (const order of ['dmy', 'mdy'] as const) {
      const ts = toWallClock(hint.header, order);
      if (ts !== null && ts.year === hint.year && ts.month === hint.month && ts.day === hint.day) {
        dmy += order === 'dmy' ? 1 : 0;
        mdy += order === 'mdy' ? 1 : 0;
      }
    }
  }
  // A file received near midnight may carry the next day; a clear majority is enough.
  return dmy > 2 * mdy ? 'dmy' : mdy > 2 * dmy ? 'mdy' : null;
};

export const detectDateOrder = (headers: readonly HeaderMatch[], chosen?: DateOrder, hints: readonly DateHint[] = []): DateOrderInfo => {
  const sampleDates = samples(headers);
  if (chosen !== undefined) {
    return { order: chosen, ambiguous: false, decidedBy: 'option', sampleDates };
  }
  if (headers.some((header) => header.numbers[0].length === 4)) {
    return { order: 'ymd', ambiguous: false, decidedBy: 'year_first', sampleDates: [] };
  }
  let firstOver12 = 0;
  let secondOver12 = 0;
  for (const header of headers) {
    firstOver12 += Number(header.numbers[0]) > 12 ? 1 : 0;
    secondOver12 += Number(header.numbers[1]) > 12 ? 1 : 0;
  }
  if (firstOver12 > 0 && secondOver12 === 0) {
    return { order: 'dmy', ambiguous: false, decidedBy: 'number_over_12', sampleDates };
  }
  if (secondOver12 > 0 && firstOver12 === 0) {
    return { order: 'mdy', ambiguous: false, decidedBy: 'number_over_12', sampleDates };
  }
  if (firstOver12 > 0) {
    // Both positions exceed 12 somewhere: a mixed or damaged file. Take the majority, but ask.
    return { order: firstOver12 >= secondOver12 ? 'dmy' : 'mdy', ambiguous: true, decidedBy: 'conflicting', sampleDates };
  }
  const named = agreesWithFileNames(hints);
  if (named !== null) {
    return { order: named, ambiguous: false, decidedBy: 'attachment_dates', sampleDates };
  }
  // A chat runs forwards: the reading with clearly fewer backward jumps is the right one.
  // Out-of-order lines (reference §3) cost the right reading a step or two, hence the margin.
  const dmyBack = backwardSteps(headers, 'dmy');
  const mdyBack = backwardSteps(headers, 'mdy');
  if (Math.max(dmyBack, mdyBack) >= 2 * Math.min(dmyBack, mdyBack) + 1) {
    return { order: dmyBack < mdyBack ? 'dmy' : 'mdy', ambiguous: false, decidedBy: 'chronology', sampleDates };
  }
  return { order: changesMoreOften(headers), ambiguous: true, decidedBy: 'undecided', sampleDates };
};
