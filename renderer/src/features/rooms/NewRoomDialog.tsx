import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../lib/stores-context.ts';
import { parseUserIds } from '../../lib/user-ids.ts';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useRequest } from '../../ui/use-request.ts';

export type NewRoomDialogProps = {
  onClose: () => void;
};

export const NewRoomDialog = ({ onClose }: NewRoomDialogProps) => {
  const { t } = useTranslation();
  const { rooms } = useStores();
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [invite, setInvite] = useState('');
  const [invalidIds, setInvalidIds] = useState<string[]>([]);
  const request = useRequest(onClose);

  const submit = async (): Promise<void> => {
    const ids = parseUserIds(invite);
    setInvalidIds(ids.invalid);
    if (ids.invalid.length > 0 || name.trim() === '') {
      request.setError(null);
      return;
    }
    const trimmedTopic = topic.trim();
    await request.run(() =>
      rooms.createRoom({
        name: name.trim(),
        invite: ids.valid,
        ...(trimmedTopic === '' ? {} : { topic: trimmedTopic }),
      }),
    );
  };

  return (
    <DialogForm
      title={t('newRoom.title')}
      onClose={onClose}
      onSubmit={submit}
      request={request}
      submitTestId="new-room-submit"
      submitLabel={t('newRoom.submit')}
      busyLabel={t('newRoom.busy')}
    >
      <TextField label={t('newRoom.name')} testId="new-room-name" required maxLength={255} autoFocus value={name} onChange={setName} />
      <TextField label={t('newRoom.topic')} testId="new-room-topic" maxLength={1000} value={topic} onChange={setTopic} />
      <TextField
        label={t('newRoom.invite')}
        testId="new-room-invite"
        spellCheck={false}
        autoCapitalize="none"
        placeholder={t('newRoom.invitePlaceholder')}
        hint={t('newRoom.inviteHint')}
        value={invite}
        onChange={setInvite}
      />
      {invalidIds.length > 0 && (
        <p className="error-text" role="alert">
          {t('newRoom.invalidIds', { ids: invalidIds.join(', ') })}
        </p>
      )}
    </DialogForm>
  );
};
