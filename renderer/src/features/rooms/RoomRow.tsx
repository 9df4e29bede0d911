import { useTranslation } from 'react-i18next';
import type { RoomListEntry } from '../../../../shared/model/room.ts';
import { listTime } from '../../lib/format-time.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { LockIcon } from '../../ui/icons.ts';

export type RoomRowProps = {
  room: RoomListEntry;
  selected: boolean;
  now: number;
  onSelect: (roomId: string) => void;
};

export const RoomRow = ({ room, selected, now, onSelect }: RoomRowProps) => {
  const { t, i18n } = useTranslation();
  const time = room.lastActivity > 0 ? listTime(room.lastActivity, now, i18n.language) : null;
  const undecryptable = room.preview?.undecryptable === true;
  const body = undecryptable ? t('rooms.previewUndecryptable') : (room.preview?.body ?? '');
  const preview = room.preview
    ? room.preview.own
      ? t('rooms.previewOwn', { body })
      : t('rooms.previewOther', { sender: room.preview.sender, body })
    : t('rooms.noMessages');

  return (
    <li className={`room-row${selected ? ' selected' : ''}`} data-testid="room-row" data-room-id={room.id} data-room-name={room.name}>
      <button
        type="button"
        className="room-row-button"
        aria-current={selected ? 'true' : undefined}
        onClick={() => {
          onSelect(room.id);
        }}
      >
        <Avatar id={room.id} initials={room.initials} />
        <span className="room-row-text">
          <span className="room-row-top">
            {room.encrypted && (
              <span className="room-lock" data-testid="room-row-encrypted" role="img" aria-label={t('room.encrypted')} title={t('room.encrypted')}>
                <LockIcon />
              </span>
            )}
            <span className={`room-name${room.unread > 0 || room.highlight > 0 ? ' unread' : ''}`}>{room.name}</span>
            {time && <time className="room-time">{time.kind === 'yesterday' ? t('time.yesterday') : time.text}</time>}
          </span>
          <span className="room-row-bottom">
            <span className="room-preview">
              {undecryptable && <LockIcon className="icon-lead" />}
              {preview}
            </span>
            {room.highlight > 0 && (
              // Mentions apart from the unread count, in their own colour: "someone asked you" stands out.
              <span className="badge highlight" data-testid="room-highlight" aria-label={t('mentions.highlight', { count: room.highlight })}>
                @{room.highlight > 99 ? '99+' : room.highlight}
              </span>
            )}
            {room.unread > 0 && (
              <span className="badge" data-testid="room-unread" aria-label={t('rooms.unread', { unread: room.unread })}>
                {room.unread > 99 ? '99+' : room.unread}
              </span>
            )}
          </span>
        </span>
      </button>
    </li>
  );
};
