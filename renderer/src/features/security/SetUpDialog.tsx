import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../lib/stores-context.ts';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useRequest } from '../../ui/use-request.ts';

export type SetUpDialogProps = { onClose: () => void };

/** The account password, when the homeserver wants it for creating the cross-signing keys. */
export const SetUpDialog = ({ onClose }: SetUpDialogProps) => {
  const { t } = useTranslation();
  const { security } = useStores();
  const [password, setPassword] = useState('');
  const request = useRequest(onClose);
  return (
    <DialogForm
      title={t('setUp.title')}
      onClose={onClose}
      onSubmit={() => request.run(() => security.setUp(password))}
      request={request}
      submitTestId="setup-submit"
      submitLabel={t('setUp.submit')}
      busyLabel={t('setUp.busy')}
    >
      <p>{t('setUp.intro')}</p>
      <TextField
        label={t('setUp.password')}
        testId="setup-password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        required
      />
    </DialogForm>
  );
};
