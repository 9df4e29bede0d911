import { describe, expect, it } from 'vitest';
import { message } from '../../test/fixtures.ts';
import { buildRows, rowIndexOf, rowShift } from './timeline-rows.ts';

const at = (day: number, hour: number): number => new Date(2026, 10, day, hour, 0).getTime();

describe('timeline rows', () => {
  it('puts a day heading before the first item of each day and the new-messages line after the read marker', () => {
    const items = [message('a', { ts: at(18, 9) }), message('b', { ts: at(18, 10) }), message('c', { ts: at(19, 8) }), message('d', { ts: at(19, 9) })];
    const rows = buildRows(items, 'c');
    expect(rows.map((row) => row.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows.map((row) => row.dayTs)).toEqual([at(18, 9), null, at(19, 8), null]);
    expect(rows.map((row) => row.firstUnread)).toEqual([false, false, false, true]);
  });

  it('shows no new-messages line when the read marker is on the newest item or outside the window', () => {
    const items = [message('a'), message('b')];
    expect(buildRows(items, 'b').some((row) => row.firstUnread)).toBe(false);
    expect(buildRows(items, 'gone').some((row) => row.firstUnread)).toBe(false);
    expect(buildRows(items, null).some((row) => row.firstUnread)).toBe(false);
  });

  it("leaves the heading off the first item while older history is still to come, as it may not be its day's first", () => {
    const items = [message('a', { ts: at(18, 9) }), message('b', { ts: at(18, 10) }), message('c', { ts: at(19, 8) })];
    expect(buildRows(items, null, true).map((row) => row.dayTs)).toEqual([null, null, at(19, 8)]);
    expect(buildRows(items, null, false).map((row) => row.dayTs)).toEqual([at(18, 9), null, at(19, 8)]);
  });

  it('dates an imported message by its original time', () => {
    const imported = message('i', {
      ts: at(20, 9),
      imported: {
        senderName: 'Siti',
        ts: at(2, 9),
        mappedUserId: null,
        system: false,
        mediaMissing: null,
        deleted: false,
        edited: false,
        importedBy: '@budi:x',
      },
    });
    const rows = buildRows([message('a', { ts: at(2, 8) }), imported], null);
    expect(rows.filter((row) => row.dayTs !== null)).toHaveLength(1);
  });

  it('groups an item with the one before it only within a day', () => {
    const rows = buildRows([message('a', { ts: at(18, 23) }), message('b', { ts: at(18, 23) }), message('c', { ts: at(19, 0) })], null);
    const previousOf = (id: string) => rows.find((row) => row.key === id);
    expect(previousOf('b')).toMatchObject({ previous: { id: 'a' } });
    expect(previousOf('c')).toMatchObject({ previous: undefined });
  });

  it('measures how far rows moved: older items prepended, top items dropped, or a new list', () => {
    const day = (d: number) => message(`m${d}`, { ts: at(d, 9) });
    const before = buildRows([day(10), day(11)], null);
    // Two older days above: two items (their headings are on their rows).
    expect(rowShift(before, buildRows([day(8), day(9), day(10), day(11)], null))).toBe(2);
    // Older items of the same day slide in under the same heading.
    const sameDay = [message('x', { ts: at(10, 8) }), day(10), day(11)];
    expect(rowShift(before, buildRows(sameDay, null))).toBe(1);
    expect(rowShift(buildRows([day(8), day(9), day(10)], null), buildRows([day(10)], null))).toBe(-2);
    expect(rowShift(before, buildRows([day(20)], null))).toBeNull();
    expect(rowShift(before, before)).toBe(0);
  });

  it('finds the row of an item', () => {
    const rows = buildRows([message('a'), message('b')], 'a');
    expect(rowIndexOf(rows, 'b')).toBe(1);
    expect(rowIndexOf(rows, 'z')).toBe(-1);
  });
});
