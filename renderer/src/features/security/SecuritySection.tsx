import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TrustBadge } from '../../ui/TrustBadge.tsx';
import { useRequest } from '../../ui/use-request.ts';

/** Replacing the recovery key, behind a second click: the old key stops working. */
const NewRecoveryKey = () => {
  const { t } = useTranslation();
  const { security } = useStores();
  const [asking, setAsking] = useState(false);
  const request = useRequest(() => {
    setAsking(false);
  });
  if (!asking) {
    return (
      <button
        type="button"
        className="small"
        data-testid="new-recovery-key"
        onClick={() => {
          setAsking(true);
        }}
      >
        {t('security.newRecoveryKey')}
      </button>
    );
  }
  return (
    <div className="warning-box" role="group">
      <p>{t('security.newRecoveryKeyWarning')}</p>
      <div className="dialog-footer">
        <button
          type="button"
          className="small"
          onClick={() => {
            setAsking(false);
          }}
        >
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="small primary"
          data-testid="new-recovery-key-confirm"
          disabled={request.busy}
          onClick={() => void request.run(security.newRecoveryKey)}
        >
          {t('security.newRecoveryKeyConfirm')}
        </button>
      </div>
      <ErrorAlert code={request.error} />
    </div>
  );
};

/** The settings dialog's security part: cross-signing, key backup, and the member's devices to verify. */
export const SecuritySection = () => {
  const { t } = useTranslation();
  const { security, verification } = useStores();
  const view = useStore(security.store, (state) => state.view);
  const devices = useStore(security.store, (state) => state.devices);
  const devicesError = useStore(security.store, (state) => state.devicesError);
  const verifyError = useStore(verification.store, (state) => state.error);

  useEffect(() => {
    void security.watchDevices();
    return security.unwatchDevices;
  }, [security]);

  const onOff = (on: boolean | undefined): string => (on === true ? t('security.on') : t('security.off'));

  return (
    <section className="settings-account settings-security" data-testid="settings-security">
      <h3>{t('security.heading')}</h3>
      <dl>
        <dt>{t('security.crossSigning')}</dt>
        <dd data-testid="security-cross-signing" data-on={String(view?.crossSigningReady === true)}>
          {onOff(view?.crossSigningReady)}
        </dd>
        <dt>{t('security.keyBackup')}</dt>
        <dd data-testid="security-key-backup" data-on={String(view?.keyBackupEnabled === true)}>
          {onOff(view?.keyBackupEnabled)}
        </dd>
      </dl>
      {view?.phase === 'ready' && view.crossSigningReady && <NewRecoveryKey />}
      <h4>{t('security.devices')}</h4>
      {devices === null ? (
        <p className="muted">{t('security.devicesLoading')}</p>
      ) : (
        <ul className="device-list" data-testid="device-list">
          {devices.map((device) => (
            <li key={device.deviceId} className="device-row" data-testid="device-row" data-device-id={device.deviceId} data-verified={device.verified}>
              <span className="device-text">
                <span className="device-name">{device.displayName ?? device.deviceId}</span>
                <span className="muted device-id">
                  {device.deviceId}
                  {device.thisDevice && <span className="tag">{t('security.thisDevice')}</span>}
                </span>
              </span>
              <TrustBadge state={device.verified} testId="device-trust" />
              {!device.thisDevice && device.verified !== 'verified' && (
                <button type="button" className="small" data-testid="device-verify" onClick={() => void verification.requestDevice(device.deviceId)}>
                  {t('security.verify')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert code={devicesError ?? verifyError} />
    </section>
  );
};
