import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export type ScrollMetrics = { scrollTop: number; scrollHeight: number; clientHeight: number };

/**
 * Whether the list should keep the newest message in view, after a scroll event moved it from
 * `previousTop` to `now`. At the end (within `threshold` px) it does; moved up from elsewhere it
 * no longer does; moved down (the list itself scrolling to the end, a trim at the top that
 * Virtuoso compensates) it keeps what it had. Only scroll events decide, never a change of
 * height: a row growing under the member is not the member scrolling away.
 */
export const followsEnd = (following: boolean, previousTop: number, now: ScrollMetrics, threshold: number): boolean => {
  if (now.scrollHeight - now.scrollTop - now.clientHeight <= threshold) {
    return true;
  }
  return now.scrollTop < previousTop - 1 ? false : following;
};

/**
 * Keeps the newest message in view while the member reads at the end, whatever changes height
 * later. Virtuoso's own `followOutput` only corrects a size increase for 100 ms after a new row
 * arrives; a row measured later (a slow frame on a loaded machine, a late font, the previous
 * row losing its timestamp to the new one's group) left the newest half under the composer and
 * the jump button up, though the member had never scrolled. Returns the handler for Virtuoso's
 * `totalListHeightChanged`.
 */
export const useFollowEnd = (
  scroller: RefObject<HTMLElement | null>,
  threshold: number,
  mayFollow: () => boolean,
  mounted: boolean,
  startsAtEnd: boolean,
): (() => void) => {
  const following = useRef(startsAtEnd);
  useEffect(() => {
    const element = scroller.current;
    if (element === null) {
      return;
    }
    let previousTop = element.scrollTop;
    const record = (): void => {
      following.current = followsEnd(following.current, previousTop, element, threshold);
      previousTop = element.scrollTop;
    };
    element.addEventListener('scroll', record, { passive: true });
    return () => {
      element.removeEventListener('scroll', record);
    };
  }, [scroller, threshold, mounted]);

  return useCallback(() => {
    if (following.current && mayFollow()) {
      showEnd(scroller);
    }
  }, [scroller, mayFollow]);
};

/** Scrolls the list to its last pixel, unless it is there already. */
const showEnd = (scroller: RefObject<HTMLElement | null>): void => {
  const element = scroller.current;
  if (element !== null && element.scrollHeight - element.scrollTop - element.clientHeight > 1) {
    element.scrollTop = element.scrollHeight;
  }
};
