import type { SubmitEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export const SignInScreen = () => {
  const { t } = useTranslation();
  const { session } = useStores();
  const busy = useStore(session.store, (state) => state.busy);
  const error = useStore(session.store, (state) => state.error);
  const [homeserverUrl, setHomeserverUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void session.signIn({ homeserverUrl: homeserverUrl.trim(), username: username.trim(), password });
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-busy={busy}>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        <label className="field">
          <span>{t('signIn.homeserver')}</span>
          <input
            data-testid="signin-homeserver"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            required
            placeholder={t('signIn.homeserverPlaceholder')}
            value={homeserverUrl}
            onChange={(event) => {
              setHomeserverUrl(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t('signIn.username')}</span>
          <input
            data-testid="signin-username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input
            data-testid="signin-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </label>
        <ErrorAlert code={error} testId="signin-error" />
        <button className="primary" type="submit" data-testid="signin-submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
};
