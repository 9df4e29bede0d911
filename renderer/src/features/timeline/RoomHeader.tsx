import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { BackToListButton } from '../../ui/BackToListButton.tsx';
import { LockIcon } from '../../ui/icons.ts';
import { MembersDialog } from '../security/index.ts';
import { InviteDialog } from './InviteDialog.tsx';

export type RoomHeaderProps = {
  roomName: string;
};

export const RoomHeader = ({ roomName }: RoomHeaderProps) => {
  const { t } = useTranslation();
  const { timeline, rooms } = useStores();
  const details = useStore(timeline.store, (state) => state.details);
  const [inviting, setInviting] = useState(false);
  const [showingMembers, setShowingMembers] = useState(false);

  return (
    <header className="room-header">
      <BackToListButton
        onClick={() => {
          rooms.select(null);
        }}
      />
      <div className="room-header-text">
        <h2 data-testid="room-header-name">{roomName}</h2>
        {details && (
          <p className="muted room-header-sub">
            {details.topic ?? t('room.members', { members: details.memberCount })}
            {details.encrypted && (
              <span className="tag tag-encrypted" data-testid="room-encrypted" title={t('room.encryptedHint')}>
                <LockIcon className="icon-lead" />
                {t('room.encrypted')}
              </span>
            )}
          </p>
        )}
      </div>
      {details !== null && (
        <label className="settings-switch room-link-previews" title={t('links.previewsHint')}>
          <input
            type="checkbox"
            role="switch"
            aria-describedby="room-link-previews-hint"
            data-testid="room-link-previews"
            checked={details.linkPreviews}
            onChange={(event) => {
              void timeline.setLinkPreviews(event.target.checked);
            }}
          />
          <span>{t('links.previews')}</span>
          <span id="room-link-previews-hint" className="visually-hidden">
            {t('links.previewsHint')}
          </span>
        </label>
      )}
      <button
        type="button"
        data-testid="room-members"
        disabled={details === null}
        onClick={() => {
          setShowingMembers(true);
        }}
      >
        {t('members.open')}
      </button>
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
      {showingMembers && details !== null && (
        <MembersDialog
          roomId={details.id}
          roomName={roomName}
          onClose={() => {
            setShowingMembers(false);
          }}
        />
      )}
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
