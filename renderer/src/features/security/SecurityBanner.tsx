import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores.ts';
import { RestoreDialog } from './RestoreDialog.tsx';
import { SetUpDialog } from './SetUpDialog.tsx';

type Open = 'none' | 'restore' | 'setUp';

/**
 * What this device still needs for encryption, under the connection banner: restoring
 * history from the recovery key (dismissable), the password for finishing setup, a retry.
 */
export const SecurityBanner = () => {
  const { t } = useTranslation();
  const { security } = useStores();
  const phase = useStore(security.store, (state) => state.view?.phase);
  const dismissed = useStore(security.store, (state) => state.restoreDismissed);
  const [open, setOpen] = useState<Open>('none');
  const close = (): void => {
    setOpen('none');
  };

  const later = (
    <button type="button" className="small" data-testid="security-later" onClick={security.dismissRestore}>
      {t('security.later')}
    </button>
  );

  let banner = null;
  if ((phase === 'needsRestore' || phase === 'restoring') && !dismissed) {
    banner = (
      <div className="banner banner-info" role="status" data-testid="security-banner" data-phase={phase}>
        <span>{t('restore.banner')}</span>
        <button
          type="button"
          className="small primary"
          data-testid="restore-open"
          onClick={() => {
            setOpen('restore');
          }}
        >
          {t('restore.open')}
        </button>
        {later}
      </div>
    );
  } else if (phase === 'unverified' && !dismissed) {
    banner = (
      <div className="banner banner-info" role="status" data-testid="security-banner" data-phase={phase}>
        <span>{t('security.unverifiedBanner')}</span>
        {later}
      </div>
    );
  } else if (phase === 'needsPassword') {
    banner = (
      <div className="banner banner-warning" role="status" data-testid="security-banner" data-phase={phase}>
        <span>{t('security.needsPassword')}</span>
        <button
          type="button"
          className="small primary"
          data-testid="setup-open"
          onClick={() => {
            setOpen('setUp');
          }}
        >
          {t('security.needsPasswordOpen')}
        </button>
      </div>
    );
  } else if (phase === 'failed') {
    banner = (
      <div className="banner banner-warning" role="status" data-testid="security-banner" data-phase={phase}>
        <span>{t('security.failed')}</span>
        <button type="button" className="small" data-testid="setup-retry" onClick={() => void security.setUp()}>
          {t('security.retry')}
        </button>
      </div>
    );
  }

  return (
    <>
      {banner}
      {open === 'restore' && <RestoreDialog onClose={close} />}
      {open === 'setUp' && <SetUpDialog onClose={close} />}
    </>
  );
};
