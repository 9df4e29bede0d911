import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { RoomMemberView } from '../../../../shared/model/security.ts';
import { useStores } from '../../lib/stores-context.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TrustBadge } from '../../ui/TrustBadge.tsx';

export type MembersDialogProps = { roomId: string; roomName: string; onClose: () => void };

/** A room's members with whether each is verified, and a way to verify them by emoji. */
export const MembersDialog = ({ roomId, roomName, onClose }: MembersDialogProps) => {
  const { t } = useTranslation();
  const { security, verification } = useStores();
  const [members, setMembers] = useState<RoomMemberView[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  // A verification that finished (or trust that changed) may change the badges: read them again.
  const finished = useStore(verification.store, (state) => state.items.filter((item) => item.phase === 'done').length);
  const trust = useStore(security.store, (state) => state.view);

  useEffect(() => {
    let current = true;
    void security.members(roomId).then((result) => {
      if (!current) {
        return;
      }
      if (result.ok) {
        setMembers(result.value);
        setError(null);
      } else {
        setError(result.error.code);
      }
    });
    return () => {
      current = false;
    };
  }, [security, roomId, finished, trust]);

  return (
    <Dialog title={t('members.title', { room: roomName })} onClose={onClose} testId="members-dialog">
      <div className="dialog-body">
        {members === null ? (
          <p className="muted">{t('members.loading')}</p>
        ) : (
          <ul className="member-list">
            {members.map((member) => (
              <li key={member.userId} className="device-row" data-testid="member-row" data-user-id={member.userId} data-verified={member.verified}>
                <span className="device-text">
                  <span className="device-name">
                    {member.displayName} {member.own && <span className="muted">{t('members.you')}</span>}
                  </span>
                  <span className="muted device-id">
                    {member.userId}
                    {member.membership === 'invite' && <span className="tag">{t('members.invited')}</span>}
                  </span>
                </span>
                <TrustBadge state={member.verified} testId="member-trust" />
                {!member.own && member.membership === 'join' && member.verified !== 'verified' && (
                  <button type="button" className="small" data-testid="member-verify" onClick={() => void verification.requestUser(member.userId, roomId)}>
                    {t('security.verify')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <ErrorAlert code={error} />
      </div>
    </Dialog>
  );
};
