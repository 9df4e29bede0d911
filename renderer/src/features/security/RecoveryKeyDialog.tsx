import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { Dialog } from '../../ui/Dialog.tsx';

type Copy = 'idle' | 'copied' | 'failed';

/**
 * The new recovery key, shown once. It cannot be closed by accident (no Escape, no
 * click outside): only by confirming it was saved, because main has already forgotten it.
 */
export const RecoveryKeyDialog = () => {
  const { security } = useStores();
  const recoveryKey = useStore(security.store, (state) => state.recoveryKey);
  return recoveryKey === null ? null : <RecoveryKeyPanel recoveryKey={recoveryKey} onSaved={security.recoveryKeySaved} />;
};

const RecoveryKeyPanel = ({ recoveryKey, onSaved }: { recoveryKey: string; onSaved: () => void }) => {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copy, setCopy] = useState<Copy>('idle');

  const copyKey = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Dialog title={t('recoveryKey.title')} testId="recovery-key-dialog">
      <div className="dialog-body">
        <p>{t('recoveryKey.intro')}</p>
        <div className="recovery-key-row">
          <code className="recovery-key" data-testid="recovery-key">
            {recoveryKey}
          </code>
          <button type="button" data-testid="recovery-key-copy" onClick={() => void copyKey()}>
            {copy === 'copied' ? t('recoveryKey.copied') : t('recoveryKey.copy')}
          </button>
        </div>
        {copy === 'failed' && <p className="error-text">{t('recoveryKey.copyFailed')}</p>}
        <div className="warning-box" role="note">
          <p>{t('recoveryKey.warningLose')}</p>
          <p>{t('recoveryKey.warningShare')}</p>
        </div>
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="recovery-key-saved"
            checked={saved}
            onChange={(event) => {
              setSaved(event.target.checked);
            }}
          />
          <span>{t('recoveryKey.savedCheck')}</span>
        </label>
        <div className="dialog-footer">
          <button type="button" className="primary" data-testid="recovery-key-done" disabled={!saved} onClick={onSaved}>
            {t('recoveryKey.done')}
          </button>
        </div>
      </div>
    </Dialog>
  );
};
