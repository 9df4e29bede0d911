import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../lib/stores-context.ts';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useRequest } from '../../ui/use-request.ts';

/** Joining a room from a matrix.to link someone shared (say, in the old WhatsApp group). */
export const JoinLinkDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const { imports, rooms } = useStores();
  const [link, setLink] = useState('');
  const [requested, setRequested] = useState(false);
  const request = useRequest(() => undefined);

  const submit = async (): Promise<void> => {
    await request.run(async () => {
      const result = await imports.joinLink(link.trim());
      if (result.ok) {
        if (result.value.state === 'joined') {
          rooms.select(result.value.roomId);
          onClose();
        } else {
          setRequested(true);
        }
      }
      return result;
    });
  };

  return (
    <DialogForm
      title={t('joinLink.title')}
      onClose={onClose}
      onSubmit={submit}
      request={request}
      submitTestId="join-link-submit"
      submitLabel={t('joinLink.submit')}
      busyLabel={t('joinLink.busy')}
    >
      <TextField
        label={t('joinLink.link')}
        testId="join-link-input"
        required
        autoFocus
        spellCheck={false}
        placeholder="https://matrix.to/#/…"
        value={link}
        onChange={setLink}
      />
      {requested && (
        <p role="status" data-testid="join-link-requested">
          {t('joinLink.requested')}
        </p>
      )}
    </DialogForm>
  );
};
