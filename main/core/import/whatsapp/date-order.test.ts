import { describe, expect, it } from 'vitest';
import { ExportError } from './export-error.ts';
import type { ParsedExport } from './export-model.ts';
import { parse } from './parse-export.ts';
import { formatWallClock } from './wall-clock.ts';

const times = (parsed: ParsedExport): string[] => parsed.entries.map((entry) => formatWallClock(entry.ts));

const refusal = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ExportError ? error.code : 'not an ExportError';
  }
};

describe('date order', () => {
  // Every number ≤ 12 and both readings run forwards: nothing in the data decides.
  const ambiguous = [
    '03/04/24 10.00 - Ayu: halo',
    '03/04/24 10.05 - Budi: hai',
    '05/04/24 09.00 - Ayu: pagi',
    '07/04/24 09.00 - Budi: sore',
    '09/04/24 09.00 - Ayu: malam',
    '',
  ].join('\n');

  it('reports an undecidable order with three samples read both ways', () => {
    const { dateOrder } = parse(ambiguous);
    expect(dateOrder).toMatchObject({ ambiguous: true, decidedBy: 'undecided' });
    expect(dateOrder.sampleDates).toHaveLength(3);
    expect(dateOrder.sampleDates[0]).toEqual({
      raw: '03/04/24 10.00',
      dmy: { year: 2024, month: 4, day: 3, hour: 10, minute: 0, second: 0 },
      mdy: { year: 2024, month: 3, day: 4, hour: 10, minute: 0, second: 0 },
    });
    expect(dateOrder.sampleDates.map((sample) => sample.raw)).toEqual(['03/04/24 10.00', '07/04/24 09.00', '09/04/24 09.00']);
  });

  it('preselects the position that changes more often as the day', () => {
    expect(parse(ambiguous).dateOrder.order).toBe('dmy');
  });

  it('re-parses with the order the member chose', () => {
    const dmy = parse(ambiguous, { dateOrder: 'dmy' });
    const mdy = parse(ambiguous, { dateOrder: 'mdy' });
    expect(dmy.dateOrder).toMatchObject({ order: 'dmy', ambiguous: false, decidedBy: 'option' });
    expect(times(dmy)[0]).toBe('2024-04-03T10:00:00');
    expect(times(mdy)[0]).toBe('2024-03-04T10:00:00');
    expect(times(mdy)[4]).toBe('2024-09-04T09:00:00');
  });

  it('decides by a number over 12, in either position', () => {
    expect(parse('13/01/24 10.00 - A: x\n').dateOrder).toMatchObject({ order: 'dmy', ambiguous: false, decidedBy: 'number_over_12' });
    expect(parse('1/13/24, 10:00 - A: x\n').dateOrder).toMatchObject({ order: 'mdy', ambiguous: false, decidedBy: 'number_over_12' });
  });

  it('decides by chronology when only one reading runs forwards', () => {
    const text = ['11/01/24 10.00 - A: x', '12/01/24 10.00 - B: y', '01/02/24 10.00 - A: z', ''].join('\n');
    expect(parse(text).dateOrder).toMatchObject({ order: 'dmy', ambiguous: false, decidedBy: 'chronology' });
  });

  it('decides by the dates WhatsApp writes into attachment names', () => {
    const text = '05/01/24 10.01 - Budi: IMG-20240105-WA0003.jpg (file terlampir)\n';
    expect(parse(text).dateOrder).toMatchObject({ order: 'dmy', ambiguous: false, decidedBy: 'attachment_dates' });
    const ios = '[1/5/24, 10:01:00 AM] Budi: \u200E<attached: 00000012-PHOTO-2024-01-05-10-01-00.jpg>\n';
    expect(parse(ios).dateOrder).toMatchObject({ order: 'mdy', ambiguous: false, decidedBy: 'attachment_dates' });
  });

  it('asks when the numbers over 12 contradict each other', () => {
    const text = ['13/01/24 10.00 - A: x', '01/14/24 10.00 - B: y', '15/01/24 10.00 - A: z', ''].join('\n');
    expect(parse(text).dateOrder).toMatchObject({ order: 'dmy', ambiguous: true, decidedBy: 'conflicting' });
  });

  it('reads an iOS EN-US file with only 3/1/23 as undecided, not silently as 3 January', () => {
    expect(parse('[3/1/23, 9:00:00 AM] Ayu: hi\r\n').dateOrder).toMatchObject({ ambiguous: true });
  });

  it('reads year-first iOS headers', () => {
    const parsed = parse('[2026/7/9 02:28:09] Bob: Hi\n');
    expect(parsed.dateOrder).toMatchObject({ order: 'ymd', ambiguous: false, decidedBy: 'year_first' });
    expect(times(parsed)).toEqual(['2026-07-09T02:28:09']);
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    const text = ['1/13/21, 12:05\u202FAM - A: x', '1/13/21, 12:30\u202FPM - A: y', '1/13/21, 11:59 pm - A: z', ''].join('\n');
    expect(times(parse(text))).toEqual(['2021-01-13T00:05:00', '2021-01-13T12:30:00', '2021-01-13T23:59:00']);
  });

  it('refuses Buddhist-era and Japanese-era years as unsupported_calendar', () => {
    expect(refusal(() => parse('[3/18/2565 BE, 14:56:01] Ayu: halo\n'))).toBe('unsupported_calendar');
    expect(refusal(() => parse('[3/18/R4, 14:56:01] Ayu: halo\n'))).toBe('unsupported_calendar');
    expect(refusal(() => parse('18/03/2565 14.56 - Ayu: halo\n'))).toBe('unsupported_calendar');
  });

  it('treats a header-shaped line with an impossible date as text of the message before it', () => {
    const parsed = parse('15/01/24 10.00 - A: x\n31/02/24 10.00 - B: y\n');
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]?.body).toBe('x\n31/02/24 10.00 - B: y');
  });
});
