import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { dayKey } from '../../lib/format-time.ts';

/**
 * What the virtual list shows, one row an item. A day heading and the "new messages" line
 * belong to the row of the item below them rather than being rows of their own: Virtuoso
 * sizes rows it has not measured yet (all of a prepended page) like the current first row,
 * and a short heading there made every older page 35 px a row in its estimate against 53 px
 * real, which is what moved the reading place by hundreds of pixels after a page arrived.
 * (Rows still differ, a sender's first message against the next ones; useReadingAnchor
 * corrects what remains.)
 */
export type TimelineRow = {
  key: string;
  item: TimelineItem;
  previous: TimelineItem | undefined;
  /** The day heading shown above this item: the first item of its day in the window. */
  dayTs: number | null;
  /** The "new messages" line above this item: the first one after the read marker. */
  firstUnread: boolean;
};

/** An imported message belongs to the day it was written on WhatsApp, not the day of the import. */
export const shownTs = (item: TimelineItem): number => item.imported?.ts ?? item.ts;

/**
 * The rows for a window of items: a day heading on the first item of each day, and the
 * "new messages" line on the item after the one the read marker sits on, when one follows.
 * While older history is still to come (`olderAbove`), the window's first item gets no heading:
 * it may not be its day's first, and a heading on the first row makes Virtuoso size every
 * prepended row like a row with a heading (see above). It appears once the page above arrives.
 */
export const buildRows = (items: readonly TimelineItem[], readMarkerItemId: string | null, olderAbove = false): TimelineRow[] => {
  let day: number | null = olderAbove && items[0] !== undefined ? dayKey(shownTs(items[0])) : null;
  return items.map((item, index) => {
    const ts = shownTs(item);
    const itemDay = dayKey(ts);
    const newDay = itemDay !== day;
    day = itemDay;
    const firstUnread = index > 0 && items[index - 1]?.id === readMarkerItemId;
    // Under a day heading or the new-messages line a message starts a new group.
    const previous = newDay || firstUnread ? undefined : items[index - 1];
    return { key: item.id, item, previous, dayTs: newDay ? ts : null, firstUnread };
  });
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
    nextIndex.set(row.key, index);
  });
  for (const [index, row] of previous.entries()) {
    const found = nextIndex.get(row.key);
    if (found !== undefined) {
      return found - index;
    }
  }
  return null;
};

/** Where the row of an item is, for scrolling to it; -1 when it is not in the window. */
export const rowIndexOf = (rows: readonly TimelineRow[], itemId: string): number => rows.findIndex((row) => row.key === itemId);
