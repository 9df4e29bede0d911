import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { MediaItem } from '../media/index.ts';
import { MessageItem } from './MessageItem.tsx';
import { SystemItem } from './SystemItem.tsx';
import { canLoadOlder } from './timeline-store.ts';
import { useScrollAnchor } from './use-scroll-anchor.ts';

/** Near enough to the top to fetch older messages before the member hits the edge. */
const LOAD_OLDER_PX = 120;
const GROUP_WINDOW_MS = 5 * 60 * 1000;

const isContinuation = (item: TimelineItem, previous: TimelineItem | undefined): boolean =>
  previous !== undefined &&
  previous.kind === 'message' &&
  item.kind === 'message' &&
  previous.sender === item.sender &&
  // An imported message groups by its original time, not the moment of the import.
  (item.imported?.ts ?? item.ts) - (previous.imported?.ts ?? previous.ts) < GROUP_WINDOW_MS &&
  (item.imported?.ts ?? item.ts) >= (previous.imported?.ts ?? previous.ts);

/** An attachment right after a message or attachment of the same sender needs no name above it. */
const isMediaContinuation = (item: TimelineItem, previous: TimelineItem | undefined): boolean =>
  previous !== undefined &&
  (previous.kind === 'message' || previous.kind === 'media') &&
  previous.sender === item.sender &&
  item.ts - previous.ts < GROUP_WINDOW_MS;

export type TimelineProps = {
  roomName: string;
};

export const Timeline = ({ roomName }: TimelineProps) => {
  const { t } = useTranslation();
  const { timeline } = useStores();
  const items = useStore(timeline.store, (state) => state.items);
  const roomId = useStore(timeline.store, (state) => state.roomId);
  const loaded = useStore(timeline.store, (state) => state.loaded);
  const paginating = useStore(timeline.store, (state) => state.paginating);
  const olderAvailable = useStore(timeline.store, canLoadOlder);
  const error = useStore(timeline.store, (state) => state.error);
  const containerRef = useRef<HTMLDivElement>(null);
  const { onScroll } = useScrollAnchor(containerRef, items);
  // Item count at the last automatic fetch, so a fetch that brings nothing new is not repeated forever.
  const autoFetchedAt = useRef(-1);

  // Scrolling asks for older messages, but a timeline too short to scroll, or one left at
  // the top while a page arrived, sends no further scroll events: check after each change.
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !loaded || !olderAvailable || paginating || autoFetchedAt.current === items.length) {
      return;
    }
    if (container.scrollHeight <= container.clientHeight || container.scrollTop < LOAD_OLDER_PX) {
      autoFetchedAt.current = items.length;
      void timeline.paginate();
    }
  }, [items.length, loaded, olderAvailable, paginating, timeline]);

  // The scrolling element is the log itself, so "scroll the timeline" means one element
  // to assistive tech, to tests and to the scroll-anchoring hook alike.
  return (
    <div
      className="timeline"
      ref={containerRef}
      role="log"
      aria-live="polite"
      aria-label={t('timeline.label', { room: roomName })}
      data-testid="timeline"
      onScroll={() => {
        onScroll();
        if (containerRef.current && containerRef.current.scrollTop < LOAD_OLDER_PX && olderAvailable && !paginating) {
          void timeline.paginate();
        }
      }}
    >
      <div className="timeline-top">
        {loaded && olderAvailable && (
          <button
            type="button"
            className="load-older"
            data-testid="load-older"
            disabled={paginating}
            onClick={() => void timeline.paginate()}
          >
            {paginating ? t('timeline.loadingOlder') : t('timeline.loadOlder')}
          </button>
        )}
        {loaded && !olderAvailable && <p className="muted timeline-start">{t('timeline.start')}</p>}
        {!loaded && error === null && <p className="muted">{t('timeline.loading')}</p>}
        {loaded && items.length === 0 && !olderAvailable && <p className="muted">{t('timeline.empty')}</p>}
        <ErrorAlert code={error} />
      </div>
      {items.map((item, index) =>
        item.kind === 'message' ? (
          <MessageItem key={item.id} item={item} continuation={isContinuation(item, items[index - 1])} onRetry={timeline.retry} />
        ) : item.kind === 'media' ? (
          <MediaItem key={item.id} item={item} roomId={roomId ?? ''} continuation={isMediaContinuation(item, items[index - 1])} />
        ) : (
          <SystemItem key={item.id} item={item} />
        ),
      )}
    </div>
  );
};
