import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Opens a message's menu or popover upward in the lower half of the window: opened downward
 * at the last message it would stretch the scroller, and the list would leave its bottom.
 * Set on the element itself, before paint, as its own measure (no render of the row).
 */
export const useOpenUpward = (ref: RefObject<HTMLElement | null>): void => {
  useLayoutEffect(() => {
    const element = ref.current;
    const anchor = element?.parentElement;
    if (element && anchor && anchor.getBoundingClientRect().top > window.innerHeight / 2) {
      element.classList.add('opens-up');
    }
  }, [ref]);
};
