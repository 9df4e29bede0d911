import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../shared/ipc/errors.ts';
import { isUserId } from '../lib/user-ids.ts';
import { DialogForm } from './DialogForm.tsx';
import { TextField } from './TextField.tsx';
import { useRequest } from './use-request.ts';

export type MatrixIdDialogProps = {
  title: string;
  /** The label of the Matrix ID field. */
  label: string;
  fieldTestId: string;
  submitTestId: string;
  submitLabel: string;
  busyLabel: string;
  /** Sends the request for the (trimmed, valid) Matrix ID; the dialog closes when it succeeds. */
  onSubmit: (userId: string) => Promise<IpcResult<unknown>>;
  onClose: () => void;
};

/** A dialog that asks for one Matrix ID and checks it before sending anything to main. */
export const MatrixIdDialog = ({ label, fieldTestId, onSubmit, onClose, ...form }: MatrixIdDialogProps) => {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const request = useRequest(onClose);

  const submit = async (): Promise<void> => {
    const id = userId.trim();
    if (!isUserId(id)) {
      request.setError('invalid_user_id');
      return;
    }
    await request.run(() => onSubmit(id));
  };

  return (
    <DialogForm {...form} onClose={onClose} onSubmit={submit} request={request}>
      <TextField
        label={label}
        testId={fieldTestId}
        required
        autoFocus
        spellCheck={false}
        autoCapitalize="none"
        placeholder={t('newDirect.userPlaceholder')}
        value={userId}
        onChange={setUserId}
      />
    </DialogForm>
  );
};
