import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** The attribute each row's wrapper carries, so the anchor can be found again after a re-render. */
export const ROW_KEY_ATTRIBUTE = 'data-row-key';

/** How long after rows arrive above the anchor is held: Virtuoso measures new rows over a few frames. */
const HOLD_MS = 400;

/**
 * The row being read and where its bottom edge is, in px from the scroller's top. The bottom,
 * not the top: the first row loses its day heading when older rows of its day arrive above,
 * and what the member reads (the message under the heading) stays where the bottom is.
 */
type Anchor = { key: string; bottom: number };

/** The first row that reaches into the scroller's visible area, and where its bottom is. */
export const findAnchor = (scroller: HTMLElement): Anchor | null => {
  const top = scroller.getBoundingClientRect().top;
  for (const row of scroller.querySelectorAll<HTMLElement>(`[${ROW_KEY_ATTRIBUTE}]`)) {
    const rect = row.getBoundingClientRect();
    if (rect.bottom > top) {
      const key = row.getAttribute(ROW_KEY_ATTRIBUTE);
      return key === null ? null : { key, bottom: rect.bottom - top };
    }
  }
  return null;
};

const rowBottom = (scroller: HTMLElement, key: string): number | null => {
  const row = scroller.querySelector(`[${ROW_KEY_ATTRIBUTE}="${CSS.escape(key)}"]`);
  return row === null ? null : row.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top;
};

/**
 * Keeps the row the member is reading in place when rows arrive or go above it.
 *
 * Virtuoso's `firstItemIndex` does this by scrolling ahead by the *estimated* height of the
 * prepended rows; when the member is already at the very top (a fling, or Home) the estimate
 * is off by the difference between real and estimated heights, measured at 130–350 px for a
 * page of 50–100 messages here. So the anchor (the first visible row) is recorded on every
 * scroll, and for a short while after each prepend or drop at the top (`firstItemIndex`
 * changed) it is put back where it was, frame by frame, until Virtuoso has measured the rows.
 * A member reading the newest (`atBottom`, set from Virtuoso's atBottomStateChange as it fires:
 * true from the first frame of a room opened at its end, while it is still scrolling there)
 * keeps the end in view instead. A wheel, touch or key from the
 * member ends the hold at once: their scroll wins.
 */
export const useReadingAnchor = (scroller: RefObject<HTMLElement | null>, firstItemIndex: number, atBottom: RefObject<boolean>, mounted: boolean): void => {
  const anchor = useRef<Anchor | null>(null);
  const holding = useRef<false | 'row' | 'end'>(false);
  // Where the hold last put scrollTop: a scroll above it while holding the end is someone else's
  // (PageUp, a jump, a drag), which ends the hold.
  const heldTop = useRef(0);
  const previousIndex = useRef(firstItemIndex);

  useEffect(() => {
    const element = scroller.current;
    if (element === null) {
      return;
    }
    const record = (): void => {
      if (holding.current === 'end' && element.scrollTop < heldTop.current - 2) {
        holding.current = false;
      }
      if (!holding.current) {
        anchor.current = findAnchor(element);
      }
    };
    const release = (): void => {
      holding.current = false;
    };
    element.addEventListener('scroll', record, { passive: true });
    element.addEventListener('wheel', release, { passive: true });
    element.addEventListener('touchmove', release, { passive: true });
    element.addEventListener('keydown', release);
    return () => {
      element.removeEventListener('scroll', record);
      element.removeEventListener('wheel', release);
      element.removeEventListener('touchmove', release);
      element.removeEventListener('keydown', release);
    };
  }, [scroller, mounted]);

  // A layout effect, so it runs in the same frame as Virtuoso's own adjustment, before paint.
  useLayoutEffect(() => {
    if (previousIndex.current === firstItemIndex) {
      return;
    }
    previousIndex.current = firstItemIndex;
    const element = scroller.current;
    const held = anchor.current;
    if (element === null || held === null) {
      return;
    }
    const toEnd = atBottom.current;
    holding.current = toEnd ? 'end' : 'row';
    const until = performance.now() + HOLD_MS;
    let frame = 0;
    const keep = (): void => {
      if (!holding.current) {
        return;
      }
      // Virtuoso may draw the new range a frame before the anchor's row is back in the DOM;
      // a row that never comes back (a jump, a new list) simply lets the hold run out.
      const now = rowBottom(element, held.key);
      if (toEnd) {
        element.scrollTop = element.scrollHeight;
      } else if (now !== null && Math.abs(now - held.bottom) >= 1) {
        element.scrollTop += now - held.bottom;
      }
      heldTop.current = element.scrollTop;
      if (performance.now() < until) {
        frame = requestAnimationFrame(keep);
      } else {
        holding.current = false;
        anchor.current = findAnchor(element);
      }
    };
    keep();
    frame = requestAnimationFrame(keep);
    return () => {
      // A further change starts a new hold from the same anchor (it is not re-recorded while
      // holding); unmounting ends it.
      cancelAnimationFrame(frame);
      holding.current = false;
    };
  }, [scroller, firstItemIndex, atBottom]);
};
