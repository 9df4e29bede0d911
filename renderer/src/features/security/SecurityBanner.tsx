import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
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

  // One banner at a time: its tone, its text and the buttons it offers.
  type Action = { testId: string; label: string; primary: boolean; run: () => void };
  const laterAction: Action = { testId: 'security-later', label: t('security.later'), primary: false, run: security.dismissRestore };
  const shown: { tone: 'info' | 'warning'; text: string; actions: Action[] } | null =
    (phase === 'needsRestore' || phase === 'restoring') && !dismissed
      ? {
          tone: 'info',
          text: t('restore.banner'),
          actions: [
            {
              testId: 'restore-open',
              label: t('restore.open'),
              primary: true,
              run: () => {
                setOpen('restore');
              },
            },
            laterAction,
          ],
        }
      : phase === 'unverified' && !dismissed
        ? { tone: 'info', text: t('security.unverifiedBanner'), actions: [laterAction] }
        : phase === 'needsPassword'
          ? {
              tone: 'warning',
              text: t('security.needsPassword'),
              actions: [
                {
                  testId: 'setup-open',
                  label: t('security.needsPasswordOpen'),
                  primary: true,
                  run: () => {
                    setOpen('setUp');
                  },
                },
              ],
            }
          : phase === 'failed'
            ? {
                tone: 'warning',
                text: t('security.failed'),
                actions: [{ testId: 'setup-retry', label: t('security.retry'), primary: false, run: () => void security.setUp() }],
              }
            : null;

  const banner =
    shown === null ? null : (
      <div className={`banner banner-${shown.tone}`} role="status" data-testid="security-banner" data-phase={phase}>
        <span>{shown.text}</span>
        {shown.actions.map((action) => (
          <button key={action.testId} type="button" className={action.primary ? 'small primary' : 'small'} data-testid={action.testId} onClick={action.run}>
            {action.label}
          </button>
        ))}
      </div>
    );

  return (
    <>
      {banner}
      {open === 'restore' && <RestoreDialog onClose={close} />}
      {open === 'setUp' && <SetUpDialog onClose={close} />}
    </>
  );
};
