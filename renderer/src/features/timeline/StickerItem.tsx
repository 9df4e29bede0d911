import type { TimelineItem } from '../../../../shared/model/timeline.ts';

/** Stickers are shown small, whatever size their sender's client gave them. */
const MAX_STICKER_PX = 160;

export const StickerItem = ({ item }: { item: Extract<TimelineItem, { kind: 'sticker' }> }) => {
  const scale = item.width !== null && item.height !== null ? Math.min(1, MAX_STICKER_PX / Math.max(item.width, item.height)) : 1;
  const width = item.width === null ? MAX_STICKER_PX : Math.round(item.width * scale);
  const height = item.height === null ? undefined : Math.round(item.height * scale);
  return (
    <div className={item.own ? 'message sticker own' : 'message sticker other'} data-testid="timeline-item" data-item-id={item.id} data-kind="sticker">
      {!item.own && <div className="message-sender">{item.senderName}</div>}
      {item.mediaUrl !== null ? (
        // Width and height fixed up front, so the row keeps its size while the image loads.
        <img className="sticker-image" src={item.mediaUrl} alt={item.body} width={width} height={height} />
      ) : (
        <div className="message-body">{item.body}</div>
      )}
    </div>
  );
};
