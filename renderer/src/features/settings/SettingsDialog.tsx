import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { language as languageSchema } from '../../../../shared/model/settings.ts';
import { useStores } from '../../lib/stores-context.ts';
import { SecuritySection } from '../security/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ShortcutList } from './ShortcutList.tsx';

const SYSTEM = 'system';

export type SettingsDialogProps = {
  onClose: () => void;
};

export const SettingsDialog = ({ onClose }: SettingsDialogProps) => {
  const { t } = useTranslation();
  const { settings, session } = useStores();
  const chosen = useStore(settings.store, (state) => state.chosen);
  const saving = useStore(settings.store, (state) => state.saving);
  const privateReceipts = useStore(settings.store, (state) => state.privateReceipts);
  const settingsError = useStore(settings.store, (state) => state.error);
  const account = useStore(session.store, (state) => state.session);
  const signingOut = useStore(session.store, (state) => state.busy);
  const sessionError = useStore(session.store, (state) => state.error);

  return (
    <Dialog title={t('settings.title')} onClose={onClose}>
      <div className="dialog-body">
        <label className="field">
          <span>{t('settings.language')}</span>
          <select
            data-testid="settings-language"
            value={chosen ?? SYSTEM}
            disabled={saving}
            onChange={(event) => {
              const parsed = languageSchema.safeParse(event.target.value);
              void settings.setLanguage(parsed.success ? parsed.data : null);
            }}
          >
            <option value={SYSTEM}>{t('settings.languageSystem')}</option>
            <option value="id" lang="id">
              {t('settings.languageId')}
            </option>
            <option value="en" lang="en">
              {t('settings.languageEn')}
            </option>
          </select>
        </label>
        <label className="settings-switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="settings-private-receipts"
            checked={privateReceipts}
            disabled={saving}
            aria-describedby="settings-private-receipts-hint"
            onChange={(event) => {
              void settings.setPrivateReceipts(event.target.checked);
            }}
          />
          <span>
            {t('settings.privateReceipts')}
            <span id="settings-private-receipts-hint" className="muted field-hint">
              {' '}
              {t('settings.privateReceiptsHint')}
            </span>
          </span>
        </label>
        <ErrorAlert code={settingsError} />
        <ShortcutList />
        {account && (
          <section className="settings-account">
            <h3>{t('settings.account')}</h3>
            <dl>
              <dt>{t('settings.userId')}</dt>
              <dd data-testid="settings-user-id">{account.userId}</dd>
              <dt>{t('settings.deviceId')}</dt>
              <dd data-testid="settings-device-id">{account.deviceId}</dd>
              <dt>{t('settings.homeserver')}</dt>
              <dd data-testid="settings-homeserver">{account.homeserverUrl}</dd>
            </dl>
          </section>
        )}
        {account && <SecuritySection />}
        <ErrorAlert code={sessionError} />
      </div>
      <footer className="dialog-footer">
        <button
          type="button"
          className="danger"
          data-testid="sign-out"
          disabled={signingOut}
          onClick={() => {
            void session.signOut();
          }}
        >
          {signingOut ? t('settings.signingOut') : t('settings.signOut')}
        </button>
      </footer>
    </Dialog>
  );
};
