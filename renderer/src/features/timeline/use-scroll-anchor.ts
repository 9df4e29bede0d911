import type { RefObject } from 'react';
import { useLayoutEffect, useRef } from 'react';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';

/** How close to the bottom still counts as "reading the newest". */
const BOTTOM_SLACK_PX = 48;

type Anchor = { atBottom: boolean; itemId: string | null; offset: number };

const itemElements = (container: HTMLElement): HTMLElement[] =>
  Array.from(container.querySelectorAll<HTMLElement>('[data-item-id]'));

const capture = (container: HTMLElement): Anchor => {
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight <= BOTTOM_SLACK_PX;
  const top = container.getBoundingClientRect().top;
  for (const element of itemElements(container)) {
    const rect = element.getBoundingClientRect();
    if (rect.bottom > top) {
      return { atBottom, itemId: element.dataset.itemId ?? null, offset: rect.top - top };
    }
  }
  return { atBottom, itemId: null, offset: 0 };
};

/**
 * Keeps the timeline where the member is reading: pinned to the bottom when they were
 * there (or just sent something), otherwise holding the first visible item in place so
 * older messages prepended above do not push the view around. We do it ourselves rather
 * than trust CSS scroll anchoring, which Chromium skips in some of these cases.
 */
export const useScrollAnchor = (
  containerRef: RefObject<HTMLElement | null>,
  items: readonly TimelineItem[],
): { onScroll: () => void } => {
  const anchor = useRef<Anchor>({ atBottom: true, itemId: null, offset: 0 });
  const lastItemId = useRef<string | null>(null);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return;
    }
    const newest = items.at(-1);
    const ownNew = newest !== undefined && newest.own && newest.id !== lastItemId.current;
    const saved = anchor.current;
    if (saved.atBottom || ownNew) {
      container.scrollTop = container.scrollHeight;
    } else if (saved.itemId !== null) {
      const element = itemElements(container).find((candidate) => candidate.dataset.itemId === saved.itemId);
      if (element) {
        const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
        container.scrollTop += offset - saved.offset;
      }
    }
    lastItemId.current = newest?.id ?? null;
    anchor.current = capture(container);
  }, [containerRef, items]);

  return {
    onScroll: () => {
      if (containerRef.current) {
        anchor.current = capture(containerRef.current);
      }
    },
  };
};
