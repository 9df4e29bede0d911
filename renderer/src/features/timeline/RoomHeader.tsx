import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores.ts';
import { InviteDialog } from './InviteDialog.tsx';

export type RoomHeaderProps = {
  roomName: string;
};

export const RoomHeader = ({ roomName }: RoomHeaderProps) => {
  const { t } = useTranslation();
  const { timeline } = useStores();
  const details = useStore(timeline.store, (state) => state.details);
  const [inviting, setInviting] = useState(false);

  return (
    <header className="room-header">
      <div className="room-header-text">
        <h2 data-testid="room-header-name">{roomName}</h2>
        {details && (
          <p className="muted room-header-sub">
            {details.topic ?? t('room.members', { members: details.memberCount })}
            {details.encrypted && <span className="tag">{t('room.encrypted')}</span>}
          </p>
        )}
      </div>
      <button
        type="button"
        data-testid="room-invite"
        disabled={details?.canInvite === false}
        onClick={() => {
          setInviting(true);
        }}
      >
        {t('room.invite')}
      </button>
      {inviting && (
        <InviteDialog
          roomName={roomName}
          onInvite={timeline.invite}
          onClose={() => {
            setInviting(false);
          }}
        />
      )}
    </header>
  );
};
