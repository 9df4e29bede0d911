import { useTranslation } from 'react-i18next';
import { useStores } from '../../lib/stores-context.ts';
import { MatrixIdDialog } from '../../ui/MatrixIdDialog.tsx';

export type NewDirectDialogProps = {
  onClose: () => void;
};

export const NewDirectDialog = ({ onClose }: NewDirectDialogProps) => {
  const { t } = useTranslation();
  const { rooms } = useStores();
  return (
    <MatrixIdDialog
      title={t('newDirect.title')}
      label={t('newDirect.user')}
      fieldTestId="new-dm-user"
      submitTestId="new-dm-submit"
      submitLabel={t('newDirect.submit')}
      busyLabel={t('newDirect.busy')}
      onSubmit={rooms.createDirect}
      onClose={onClose}
    />
  );
};
