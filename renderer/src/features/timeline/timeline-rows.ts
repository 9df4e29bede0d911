import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { dayKey } from '../../lib/format-time.ts';

/** What the virtual list shows, one entry a row: the items plus the lines between them. */
export type TimelineRow =
  | { kind: 'day'; key: string; ts: number }
  | { kind: 'unread'; key: string }
  | { kind: 'item'; key: string; item: TimelineItem; previous: TimelineItem | undefined };

export const UNREAD_ROW_KEY = 'new-messages';

/** An imported message belongs to the day it was written on WhatsApp, not the day of the import. */
export const shownTs = (item: TimelineItem): number => item.imported?.ts ?? item.ts;

/**
 * The rows for a window of items: a day heading before the first item of each day, and the
 * "new messages" line after the item the read marker sits on, when something follows it.
 * Day rows are keyed by the day, so a heading keeps its identity when older items of the
 * same day arrive above it.
 */
export const buildRows = (items: readonly TimelineItem[], readMarkerItemId: string | null): TimelineRow[] => {
  const rows: TimelineRow[] = [];
  let day: number | null = null;
  items.forEach((item, index) => {
    const ts = shownTs(item);
    const itemDay = dayKey(ts);
    if (itemDay !== day) {
      day = itemDay;
      rows.push({ kind: 'day', key: `day-${itemDay}`, ts });
    }
    const previous = items[index - 1];
    // Under a day heading a message starts a new group even if its sender wrote just before midnight.
    const grouped = rows.at(-1)?.kind === 'item' ? previous : undefined;
    rows.push({ kind: 'item', key: item.id, item, previous: grouped });
    if (item.id === readMarkerItemId && index < items.length - 1) {
      rows.push({ kind: 'unread', key: UNREAD_ROW_KEY });
    }
  });
  return rows;
};

/**
 * How far the rows moved relative to the list's start between two renders: positive when
 * rows were prepended (older items paged in), negative when rows at the top went away (main
 * dropped items far out of view). Virtuoso needs it to lower or raise `firstItemIndex` so
 * what the member reads stays put. It is measured on the first item both lists share; null
 * when they share none (a jump or a reset: a new list, not a moved one).
 */
export const rowShift = (previous: readonly TimelineRow[], next: readonly TimelineRow[]): number | null => {
  const nextIndex = new Map<string, number>();
  next.forEach((row, index) => {
    if (row.kind === 'item') {
      nextIndex.set(row.key, index);
    }
  });
  for (const [index, row] of previous.entries()) {
    const found = row.kind === 'item' ? nextIndex.get(row.key) : undefined;
    if (found !== undefined) {
      return found - index;
    }
  }
  return null;
};

/** Where the row of an item is, for scrolling to it; -1 when it is not in the window. */
export const rowIndexOf = (rows: readonly TimelineRow[], itemId: string): number => rows.findIndex((row) => row.kind === 'item' && row.key === itemId);
