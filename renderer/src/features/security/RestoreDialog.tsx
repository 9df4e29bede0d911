import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { RestoreProgress } from '../../../../shared/model/security.ts';
import { useStores } from '../../lib/stores-context.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useRequest } from '../../ui/use-request.ts';

export type RestoreDialogProps = { onClose: () => void };

const ProgressLine = ({ progress }: { progress: RestoreProgress }) => {
  const { t } = useTranslation();
  if (progress.stage === 'fetching') {
    return (
      <div className="restore-progress" role="status" data-testid="restore-progress" data-stage="fetching">
        <span>{t('restore.fetching')}</span>
        <progress />
      </div>
    );
  }
  return (
    <div className="restore-progress" role="status" data-testid="restore-progress" data-stage={progress.stage}>
      <span>
        {progress.stage === 'done' ? t('restore.done', { total: progress.total }) : t('restore.loading', { done: progress.done, total: progress.total })}
      </span>
      <progress value={progress.done} max={Math.max(progress.total, 1)} />
    </div>
  );
};

/** Asks for the recovery key, then shows the keys coming back from the backup. */
export const RestoreDialog = ({ onClose }: RestoreDialogProps) => {
  const { t } = useTranslation();
  const { security } = useStores();
  const phase = useStore(security.store, (state) => state.view?.phase);
  const progress = useStore(security.store, (state) => state.view?.restoreProgress ?? null);
  const [key, setKey] = useState('');
  const [finished, setFinished] = useState(false);
  const request = useRequest(() => {
    setFinished(true);
  });
  const working = request.busy || phase === 'restoring';

  return (
    <Dialog title={t('restore.title')} onClose={working ? undefined : onClose} testId="restore-dialog">
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          void request.run(() => security.restore(key));
        }}
      >
        {!finished && (
          <>
            <p>{t('restore.intro')}</p>
            <label className="field">
              <span>{t('restore.key')}</span>
              <textarea
                className="recovery-key-input"
                data-testid="restore-key-input"
                rows={2}
                spellCheck={false}
                autoComplete="off"
                placeholder={t('restore.keyPlaceholder')}
                value={key}
                disabled={working}
                onChange={(event) => {
                  setKey(event.target.value);
                }}
              />
            </label>
          </>
        )}
        {(working || finished) && progress !== null && <ProgressLine progress={progress} />}
        <ErrorAlert code={request.error} testId="restore-error" />
        <div className="dialog-footer">
          {finished ? (
            <button type="button" className="primary" data-testid="restore-close" onClick={onClose}>
              {t('restore.close')}
            </button>
          ) : (
            <>
              <button type="button" disabled={working} onClick={onClose}>
                {t('dialog.cancel')}
              </button>
              <button type="submit" className="primary" data-testid="restore-submit" disabled={working || key.trim().length === 0}>
                {working ? t('restore.busy') : t('restore.submit')}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
};
