import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListRange, VirtuosoHandle } from 'react-virtuoso';
import { Virtuoso } from 'react-virtuoso';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { ComposerStore } from '../composer/index.ts';
import { JumpToNewest } from './JumpToNewest.tsx';
import type { EdgeContext } from './TimelineEdges.tsx';
import { TimelineBottom, TimelineTop } from './TimelineEdges.tsx';
import { TimelineRowView } from './TimelineRowView.tsx';
import { buildRows, rowIndexOf } from './timeline-rows.ts';
import type { TimelineRow } from './timeline-rows.ts';
import { isActionable } from './message-actions.ts';
import { TimelineActions } from './TimelineActions.tsx';
import type { TimelineStore } from './timeline-store.ts';
import { canLoadOlder } from './timeline-store.ts';
import { useFirstItemIndex } from './use-first-item-index.ts';
import { useFollowEnd } from './use-follow-end.ts';
import { ROW_KEY_ATTRIBUTE, useReadingAnchor } from './use-reading-anchor.ts';

/** How close to the bottom still counts as "reading the newest". */
const AT_BOTTOM_PX = 48;
/** How close to the top asks for older messages, so they are there before the member hits the edge. */
const AT_TOP_PX = 400;
/** Rows rendered beyond the screen each way, so a quick scroll or a tall image shows no gap. */
const OVERSCAN_PX = { top: 0, bottom: 800 };
/** What PageUp/PageDown move: most of a screen, keeping a line of context. */
const PAGE_FRACTION = 0.9;

const components = { Header: TimelineTop, Footer: TimelineBottom };

/** The item ids at the ends of a visible range. */
const visibleItemIds = (rows: readonly TimelineRow[], start: number, end: number): [string, string] | null => {
  const a = rows[Math.max(0, start)];
  const b = rows[Math.min(rows.length - 1, end)];
  return a !== undefined && b !== undefined ? [a.key, b.key] : null;
};

export type TimelineProps = {
  roomName: string;
  /** A thread panel passes its own timeline and composer; the room's are the default. */
  store?: TimelineStore;
  composer?: ComposerStore;
};

/**
 * The open room's messages as a virtual list (react-virtuoso): only rows near the screen
 * are in the DOM, however long the window main holds. Virtuoso was chosen over
 * @tanstack/react-virtual because a chat is a reverse list and it handles that natively:
 * `firstItemIndex` keeps the reading position when older rows are prepended, `followOutput`
 * sticks to the bottom for new ones, and rows of unknown height (images, long messages)
 * are measured as they render; with @tanstack/react-virtual all three are ours to write.
 */
export const Timeline = ({ roomName, store, composer }: TimelineProps) => {
  const { t } = useTranslation();
  const stores = useStores();
  const timeline = store ?? stores.timeline;
  const itemsComposer = composer ?? stores.composer;
  const items = useStore(timeline.store, (state) => state.items);
  const roomId = useStore(timeline.store, (state) => state.roomId);
  const loaded = useStore(timeline.store, (state) => state.loaded);
  const position = useStore(timeline.store, (state) => state.window);
  const paginating = useStore(timeline.store, (state) => state.paginating);
  const olderAvailable = useStore(timeline.store, canLoadOlder);
  const error = useStore(timeline.store, (state) => state.error);
  const readMarkerItemId = useStore(timeline.store, (state) => state.readMarkerItemId);

  const rows = useMemo(() => buildRows(items, readMarkerItemId, olderAvailable), [items, readMarkerItemId, olderAvailable]);
  const firstItemIndex = useFirstItemIndex(rows);
  const virtuoso = useRef<VirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  // The day labels' "today": fixed per room view, which is re-mounted on every room change.
  const [now] = useState(Date.now);
  const [atBottom, setAtBottom] = useState(true);
  // Virtuoso's at-bottom state as it fires, for the reading anchor (React state lags a render).
  const atBottomNow = useRef(true);
  useReadingAnchor(scroller, firstItemIndex, atBottomNow, loaded);
  const [atTop, setAtTop] = useState(false);
  // The newest item when the member scrolled away from the bottom: what came after is unread.
  const [awayFrom, setAwayFrom] = useState<string | null>(null);

  const { hasNewer, focusItemId } = position;
  const hasNewerRef = useRef(hasNewer);
  const rowsRef = useRef(rows);
  const firstIndexRef = useRef(firstItemIndex);
  useEffect(() => {
    hasNewerRef.current = hasNewer;
    rowsRef.current = rows;
    firstIndexRef.current = firstItemIndex;
  });

  const mayFollow = useCallback(() => !hasNewerRef.current, []);
  const keepEndInView = useFollowEnd(scroller, AT_BOTTOM_PX, mayFollow, loaded, focusItemId === null);

  const scrollToBottom = useCallback(() => {
    virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end' });
  }, []);

  // After "jump to newest" moved the window, its reset arrives later: go down once it has.
  const bottomPending = useRef(false);
  useEffect(() => {
    if (bottomPending.current && !hasNewer) {
      bottomPending.current = false;
      scrollToBottom();
    }
  }, [rows, hasNewer, scrollToBottom]);

  // A jump's target: scroll it to the middle once, when its rows are here.
  const focusedOnce = useRef<string | null>(null);
  useEffect(() => {
    if (focusItemId === null || focusedOnce.current === focusItemId) {
      return;
    }
    const index = rowIndexOf(rows, focusItemId);
    if (index >= 0) {
      focusedOnce.current = focusItemId;
      virtuoso.current?.scrollToIndex({ index, align: 'center' });
    }
  }, [rows, focusItemId]);

  // What the member just sent is shown even when they had scrolled up; others' messages only
  // follow when already at the bottom (followOutput below).
  const newestId = useRef<string | null>(items.at(-1)?.id ?? null);
  useEffect(() => {
    const newest = items.at(-1);
    if (newest !== undefined && newest.id !== newestId.current && newest.own && !hasNewer) {
      scrollToBottom();
    }
    newestId.current = newest?.id ?? null;
  }, [items, hasNewer, scrollToBottom]);

  // Near an edge with more beyond it, ask for the next page; again after each page while still
  // there. (Virtuoso's startReached fires once per first index, and a window that was paged in
  // and trimmed again returns to an index it already reported.)
  // Asked again only once the edge has moved: a page that brought nothing (an error, a server
  // with nothing more to give yet) must not turn into a loop of requests.
  const askedAt = useRef<{ backward: string | null; forward: string | null }>({ backward: null, forward: null });
  const firstKey = items[0]?.id ?? null;
  const lastKey = items.at(-1)?.id ?? null;
  useEffect(() => {
    if (atTop && olderAvailable && !paginating.backward && askedAt.current.backward !== firstKey) {
      askedAt.current.backward = firstKey;
      void timeline.paginate('backward');
    }
  }, [atTop, olderAvailable, paginating.backward, firstKey, timeline]);
  useEffect(() => {
    if (atBottom && hasNewer && !paginating.forward && askedAt.current.forward !== lastKey) {
      askedAt.current.forward = lastKey;
      void timeline.paginate('forward');
    }
  }, [atBottom, hasNewer, paginating.forward, lastKey, timeline]);

  const unread = useMemo(() => {
    if (hasNewer || awayFrom === null) {
      return null;
    }
    const from = items.findIndex((item) => item.id === awayFrom);
    return from < 0 ? null : items.slice(from + 1).filter((item) => !item.own && isActionable(item)).length;
  }, [items, awayFrom, hasNewer]);

  const onAtBottom = useCallback(
    (bottom: boolean) => {
      atBottomNow.current = bottom;
      setAtBottom(bottom);
      setAwayFrom(bottom ? null : (rowsRef.current.at(-1)?.key ?? null));
      if (bottom) {
        // Reaching the newest is reading it.
        timeline.markRead();
      }
    },
    [timeline],
  );

  const onRange = useCallback(
    (range: ListRange) => {
      const offset = firstIndexRef.current;
      const ids = visibleItemIds(rowsRef.current, range.startIndex - offset, range.endIndex - offset);
      if (ids !== null) {
        timeline.viewport(ids[0], ids[1]);
      }
    },
    [timeline],
  );

  const jumpToNewest = useCallback(() => {
    if (hasNewerRef.current) {
      bottomPending.current = true;
      void timeline.jump(null);
    } else {
      scrollToBottom();
    }
  }, [timeline, scrollToBottom]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const element = scroller.current;
    if (element === null || event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) {
      return;
    }
    const page = element.clientHeight * PAGE_FRACTION;
    const moves: Record<string, () => void> = {
      PageUp: () => virtuoso.current?.scrollBy({ top: -page }),
      PageDown: () => virtuoso.current?.scrollBy({ top: page }),
      Home: () => virtuoso.current?.scrollToIndex({ index: 0, align: 'start' }),
      End: jumpToNewest,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      move();
    }
  };

  const context: EdgeContext = {
    olderAvailable,
    loadingOlder: paginating.backward,
    loadingNewer: paginating.forward,
    empty: items.length === 0,
    error,
    onLoadOlder: () => void timeline.paginate('backward'),
  };

  if (!loaded) {
    return (
      <div className="timeline" role="log" aria-label={t('timeline.label', { room: roomName })} data-testid="timeline">
        {error === null && <p className="muted timeline-loading">{t('timeline.loading')}</p>}
        <ErrorAlert code={error} />
      </div>
    );
  }

  const focusIndex = focusItemId === null ? -1 : rowIndexOf(rows, focusItemId);
  // The scrolling element is the log itself, so "scroll the timeline" means one element
  // to assistive tech, to the keyboard and to tests alike.
  return (
    <TimelineActions timeline={timeline} composer={itemsComposer} inThread={store !== undefined}>
      <div className="timeline-frame">
        <Virtuoso<TimelineRow, EdgeContext>
          ref={virtuoso}
          scrollerRef={(element) => {
            scroller.current = element instanceof HTMLElement ? element : null;
          }}
          className="timeline"
          role="log"
          aria-live="polite"
          aria-label={t('timeline.label', { room: roomName })}
          data-testid="timeline"
          tabIndex={0}
          onKeyDown={onKeyDown}
          data={rows}
          context={context}
          components={components}
          firstItemIndex={firstItemIndex}
          initialTopMostItemIndex={focusIndex >= 0 ? { index: focusIndex, align: 'center' } : { index: Math.max(0, rows.length - 1), align: 'end' }}
          computeItemKey={(_, row) => row.key}
          itemContent={(_, row) => (
            <div {...{ [ROW_KEY_ATTRIBUTE]: row.key }}>
              <TimelineRowView row={row} roomId={roomId ?? ''} focused={row.key === focusItemId} now={now} onRetry={timeline.retry} />
            </div>
          )}
          // Follow new messages only at the live end and only when already reading the newest.
          followOutput={(bottom) => (bottom && !hasNewerRef.current ? 'auto' : false)}
          totalListHeightChanged={keepEndInView}
          atBottomThreshold={AT_BOTTOM_PX}
          atBottomStateChange={onAtBottom}
          atTopThreshold={AT_TOP_PX}
          atTopStateChange={setAtTop}
          rangeChanged={onRange}
          increaseViewportBy={OVERSCAN_PX}
        />
        {(!atBottom || hasNewer) && <JumpToNewest unread={unread} onJump={jumpToNewest} />}
      </div>
    </TimelineActions>
  );
};
