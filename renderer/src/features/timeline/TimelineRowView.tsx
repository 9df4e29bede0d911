import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../../shared/ipc/errors.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { dayLabel } from '../../lib/format-time.ts';
import { MediaItem } from '../media/index.ts';
import { LocationItem } from './LocationItem.tsx';
import { MessageFrame } from './MessageFrame.tsx';
import { MessageItem } from './MessageItem.tsx';
import { PollItem } from './PollItem.tsx';
import { StickerItem } from './StickerItem.tsx';
import { SystemItem } from './SystemItem.tsx';
import type { TimelineRow } from './timeline-rows.ts';
import { shownTs } from './timeline-rows.ts';

const GROUP_WINDOW_MS = 5 * 60 * 1000;

const isContinuation = (item: TimelineItem, previous: TimelineItem | undefined): boolean =>
  previous !== undefined &&
  previous.kind === 'message' &&
  item.kind === 'message' &&
  previous.sender === item.sender &&
  // An imported message groups by its original time, not the moment of the import.
  shownTs(item) - shownTs(previous) < GROUP_WINDOW_MS &&
  shownTs(item) >= shownTs(previous);

/** An attachment right after a message or attachment of the same sender needs no name above it. */
const isMediaContinuation = (item: TimelineItem, previous: TimelineItem | undefined): boolean =>
  previous !== undefined &&
  (previous.kind === 'message' || previous.kind === 'media') &&
  previous.sender === item.sender &&
  item.ts - previous.ts < GROUP_WINDOW_MS;

const DaySeparator = ({ ts, now }: { ts: number; now: number }) => {
  const { t, i18n } = useTranslation();
  const label = dayLabel(ts, now, i18n.language);
  const text = label.kind === 'today' ? t('timeline.today') : label.kind === 'yesterday' ? t('timeline.yesterday') : label.text;
  return (
    <div className="day-separator" role="separator" aria-label={text} data-testid="day-separator">
      <span>{text}</span>
    </div>
  );
};

const NewMessagesMarker = () => {
  const { t } = useTranslation();
  return (
    <div className="new-messages-marker" role="separator" aria-label={t('timeline.newMessages')} data-testid="new-messages-marker">
      <span>{t('timeline.newMessages')}</span>
    </div>
  );
};

export type TimelineRowViewProps = {
  row: TimelineRow;
  roomId: string;
  /** The item a jump asked for, highlighted so the eye finds it. */
  focused: boolean;
  now: number;
  onRetry: (itemId: string) => Promise<IpcResult<null>>;
};

/**
 * One row of the virtual list. The wrapper is a block formatting context so the items'
 * margins stay inside it: Virtuoso measures each row's box, and a margin collapsing
 * through it would be height it never sees.
 */
export const TimelineRowView = ({ row, roomId, focused, now, onRetry }: TimelineRowViewProps) => {
  const { item, previous, dayTs, firstUnread } = row;
  return (
    <div className={focused ? 'timeline-row focused' : 'timeline-row'} data-focused={focused ? 'true' : undefined}>
      {dayTs !== null && <DaySeparator ts={dayTs} now={now} />}
      {firstUnread && <NewMessagesMarker />}
      {item.kind === 'message' ? (
        <MessageItem item={item} continuation={isContinuation(item, previous)} onRetry={onRetry} />
      ) : item.kind === 'media' ? (
        <MessageFrame item={item}>
          <MediaItem item={item} roomId={roomId} continuation={isMediaContinuation(item, previous)} />
        </MessageFrame>
      ) : item.kind === 'poll' ? (
        <MessageFrame item={item}>
          <PollItem item={item} />
        </MessageFrame>
      ) : item.kind === 'sticker' ? (
        <MessageFrame item={item}>
          <StickerItem item={item} />
        </MessageFrame>
      ) : item.kind === 'location' ? (
        <MessageFrame item={item}>
          <LocationItem item={item} />
        </MessageFrame>
      ) : (
        <SystemItem item={item} />
      )}
    </div>
  );
};
