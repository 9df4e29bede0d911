import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../../shared/ipc/errors.ts';
import { MatrixIdDialog } from '../../ui/MatrixIdDialog.tsx';

export type InviteDialogProps = {
  roomName: string;
  onInvite: (userId: string) => Promise<IpcResult<null>>;
  onClose: () => void;
};

export const InviteDialog = ({ roomName, onInvite, onClose }: InviteDialogProps) => {
  const { t } = useTranslation();
  return (
    <MatrixIdDialog
      title={t('room.inviteTitle', { room: roomName })}
      label={t('room.inviteUser')}
      fieldTestId="room-invite-user"
      submitTestId="room-invite-submit"
      submitLabel={t('room.inviteSubmit')}
      busyLabel={t('room.inviteBusy')}
      onSubmit={onInvite}
      onClose={onClose}
    />
  );
};
