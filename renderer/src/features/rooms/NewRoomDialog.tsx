import type { SubmitEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import { useStores } from '../../app/stores.ts';
import { parseUserIds } from '../../lib/user-ids.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export type NewRoomDialogProps = {
  onClose: () => void;
};

export const NewRoomDialog = ({ onClose }: NewRoomDialogProps) => {
  const { t } = useTranslation();
  const { rooms } = useStores();
  const hintId = useId();
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [invite, setInvite] = useState('');
  const [invalidIds, setInvalidIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const ids = parseUserIds(invite);
    setInvalidIds(ids.invalid);
    setError(null);
    if (ids.invalid.length > 0 || name.trim() === '') {
      return;
    }
    setBusy(true);
    const trimmedTopic = topic.trim();
    const result = await rooms.createRoom({
      name: name.trim(),
      invite: ids.valid,
      ...(trimmedTopic === '' ? {} : { topic: trimmedTopic }),
    });
    setBusy(false);
    if (result.ok) {
      onClose();
    } else {
      setError(result.error.code);
    }
  };

  return (
    <Dialog title={t('newRoom.title')} onClose={onClose}>
      <form className="dialog-body" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>{t('newRoom.name')}</span>
          <input
            data-testid="new-room-name"
            type="text"
            required
            maxLength={255}
            autoFocus
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t('newRoom.topic')}</span>
          <input
            data-testid="new-room-topic"
            type="text"
            maxLength={1000}
            value={topic}
            onChange={(event) => {
              setTopic(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t('newRoom.invite')}</span>
          <input
            data-testid="new-room-invite"
            type="text"
            spellCheck={false}
            autoCapitalize="none"
            placeholder={t('newRoom.invitePlaceholder')}
            aria-describedby={hintId}
            value={invite}
            onChange={(event) => {
              setInvite(event.target.value);
            }}
          />
          <small id={hintId} className="muted">
            {t('newRoom.inviteHint')}
          </small>
        </label>
        {invalidIds.length > 0 && (
          <p className="error-text" role="alert">
            {t('newRoom.invalidIds', { ids: invalidIds.join(', ') })}
          </p>
        )}
        <ErrorAlert code={error} />
        <div className="dialog-footer">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="new-room-submit" disabled={busy}>
            {busy ? t('newRoom.busy') : t('newRoom.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
};
