import type { SubmitEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import { isUserId } from '../../lib/user-ids.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export type InviteDialogProps = {
  roomName: string;
  onInvite: (userId: string) => Promise<IpcResult<null>>;
  onClose: () => void;
};

export const InviteDialog = ({ roomName, onInvite, onClose }: InviteDialogProps) => {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const id = userId.trim();
    if (!isUserId(id)) {
      setError('invalid_user_id');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await onInvite(id);
    setBusy(false);
    if (result.ok) {
      onClose();
    } else {
      setError(result.error.code);
    }
  };

  return (
    <Dialog title={t('room.inviteTitle', { room: roomName })} onClose={onClose}>
      <form className="dialog-body" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>{t('room.inviteUser')}</span>
          <input
            data-testid="room-invite-user"
            type="text"
            required
            autoFocus
            spellCheck={false}
            autoCapitalize="none"
            placeholder={t('newDirect.userPlaceholder')}
            value={userId}
            onChange={(event) => {
              setUserId(event.target.value);
            }}
          />
        </label>
        <ErrorAlert code={error} />
        <div className="dialog-footer">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="room-invite-submit" disabled={busy}>
            {busy ? t('room.inviteBusy') : t('room.inviteSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
};
