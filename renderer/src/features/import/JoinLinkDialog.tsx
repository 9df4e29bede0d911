import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useRequest } from '../../ui/use-request.ts';
import { useJoinByLink } from './use-join-by-link.ts';

/** Joining a room from a matrix.to link someone shared (say, in the old WhatsApp group). */
export const JoinLinkDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const [link, setLink] = useState('');
  const { requested, join } = useJoinByLink(onClose);
  const request = useRequest(() => undefined);

  const submit = async (): Promise<void> => {
    await request.run(() => join(link.trim()));
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
