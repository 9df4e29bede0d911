import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { MessageVersion } from '../../../../shared/model/conversation.ts';
import { fullTime } from '../../lib/format-time.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export type VersionsDialogProps = {
  load: () => Promise<IpcResult<MessageVersion[]>>;
  onClose: () => void;
};

/** Every version of an edited message, oldest first, each with when it was written. */
export const VersionsDialog = ({ load, onClose }: VersionsDialogProps) => {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<MessageVersion[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (!live) {
        return;
      }
      if (result.ok) {
        setVersions(result.value);
      } else {
        setError(result.error.code);
      }
    });
    return () => {
      live = false;
    };
  }, [load]);

  return (
    <Dialog title={t('edit.versionsTitle')} onClose={onClose} testId="versions-dialog">
      <div className="dialog-body">
        {versions === null && error === null && <p className="muted">{t('edit.loading')}</p>}
        <ErrorAlert code={error} />
        {versions !== null && (
          <ol className="versions" data-testid="versions">
            {versions.map((version, index) => (
              <li key={`${version.ts}-${index}`} className="version">
                <div className="version-head muted">
                  <span>{index === 0 ? t('edit.original') : t('edit.version', { number: index })}</span>{' '}
                  <time dateTime={new Date(version.ts).toISOString()}>{fullTime(version.ts, i18n.language)}</time>
                </div>
                <div className="version-body">{version.body}</div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Dialog>
  );
};
