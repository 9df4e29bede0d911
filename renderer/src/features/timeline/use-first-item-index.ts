import { useState } from 'react';
import type { TimelineRow } from './timeline-rows.ts';
import { rowShift } from './timeline-rows.ts';

/**
 * Where Virtuoso's indices start. Prepending rows lowers `firstItemIndex` by their number,
 * which is how Virtuoso keeps the member's reading position when older messages arrive; it
 * must stay positive, so it starts far above any window's size (and starts over on a new list).
 */
export const START_INDEX = 10_000_000;

/** Virtuoso's `firstItemIndex` for these rows, following prepends and drops at the top. */
export const useFirstItemIndex = (rows: readonly TimelineRow[]): number => {
  const [tracked, setTracked] = useState({ rows, first: START_INDEX });
  if (tracked.rows === rows) {
    return tracked.first;
  }
  const shift = rowShift(tracked.rows, rows);
  const moved = shift === null ? START_INDEX : tracked.first - shift;
  const next = { rows, first: moved > 0 ? moved : START_INDEX };
  // Derived during render (React's "adjust state when a prop changes"), so Virtuoso gets
  // the new rows and their index in the same render; an effect would show one frame shifted.
  setTracked(next);
  return next.first;
};
