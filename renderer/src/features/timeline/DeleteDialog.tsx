import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../../shared/ipc/errors.ts';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { useRequest } from '../../ui/use-request.ts';

export type DeleteDialogProps = {
  onDelete: () => Promise<IpcResult<null>>;
  onClose: () => void;
};

/** "Delete this message?": a redaction cannot be taken back, so it is asked once. */
export const DeleteDialog = ({ onDelete, onClose }: DeleteDialogProps) => {
  const { t } = useTranslation();
  const request = useRequest(onClose);
  return (
    <DialogForm
      title={t('delete.title')}
      onClose={onClose}
      onSubmit={() => request.run(onDelete)}
      request={request}
      submitTestId="delete-confirm"
      submitLabel={t('delete.confirm')}
      busyLabel={t('delete.busy')}
    >
      <p>{t('delete.body')}</p>
    </DialogForm>
  );
};
