import { useTranslation } from 'react-i18next';
import type { MatrixLink } from '../../lib/matrix-links.ts';
import { useStores } from '../../lib/stores-context.ts';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { useRequest } from '../../ui/use-request.ts';
import { useJoinByLink } from '../import/index.ts';

export type MatrixLinkDialogProps = {
  link: MatrixLink;
  /** The link as written, for main's room:joinLink (it resolves aliases and via servers). */
  href: string;
  onClose: () => void;
};

/** A link to a room not joined (join it?) or to a person (chat with them?), asked before acting. */
export const MatrixLinkDialog = ({ link, href, onClose }: MatrixLinkDialogProps) => {
  const { t } = useTranslation();
  const { rooms } = useStores();
  const { requested, join } = useJoinByLink(onClose);
  const request = useRequest(() => undefined);

  if (link.kind === 'user') {
    return (
      <DialogForm
        title={t('links.userTitle', { user: link.userId })}
        onClose={onClose}
        onSubmit={() =>
          request.run(async () => {
            const result = await rooms.createDirect(link.userId);
            if (result.ok) {
              onClose();
            }
            return result;
          })
        }
        request={request}
        submitTestId="matrix-link-submit"
        submitLabel={t('links.userStart')}
        busyLabel={t('links.joining')}
      >
        <p>{t('links.userBody', { user: link.userId })}</p>
      </DialogForm>
    );
  }
  return (
    <DialogForm
      title={t('links.joinTitle')}
      onClose={onClose}
      onSubmit={() => request.run(() => join(href))}
      request={request}
      submitTestId="matrix-link-submit"
      submitLabel={t('links.join')}
      busyLabel={t('links.joining')}
    >
      <p>{t('links.joinBody', { target: link.target })}</p>
      {requested && <p role="status">{t('links.joined')}</p>}
    </DialogForm>
  );
};
