import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { RoomListEntry } from '../../../../shared/model/room.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export type InviteRowProps = {
  room: RoomListEntry;
  onAccept: (roomId: string) => Promise<IpcResult<null>>;
  onDecline: (roomId: string) => Promise<IpcResult<null>>;
};

export const InviteRow = ({ room, onAccept, onDecline }: InviteRowProps) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const run = async (action: (roomId: string) => Promise<IpcResult<null>>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await action(room.id);
    // On success the row turns into a joined room or leaves the list by itself.
    setBusy(false);
    if (!result.ok) {
      setError(result.error.code);
    }
  };

  return (
    <li className="room-row invite" data-testid="room-row" data-room-id={room.id} data-room-name={room.name}>
      <div className="invite-body">
        <Avatar id={room.id} initials={room.initials} />
        <span className="room-row-text">
          <span className="room-name">{room.name}</span>
          <span className="room-preview">{room.inviter === null ? t('rooms.invited') : t('rooms.invitedBy', { inviter: room.inviter })}</span>
        </span>
      </div>
      <div className="invite-actions">
        <button type="button" className="primary small" data-testid="invite-accept" disabled={busy} onClick={() => void run(onAccept)}>
          {t('rooms.accept')}
        </button>
        <button type="button" className="small" data-testid="invite-decline" disabled={busy} onClick={() => void run(onDecline)}>
          {t('rooms.decline')}
        </button>
      </div>
      <ErrorAlert code={error} />
    </li>
  );
};
