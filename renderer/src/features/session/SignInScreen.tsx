import type { SubmitEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';

export const SignInScreen = () => {
  const { t } = useTranslation();
  const { session } = useStores();
  const busy = useStore(session.store, (state) => state.busy);
  const error = useStore(session.store, (state) => state.error);
  const [fields, setFields] = useState({ homeserverUrl: '', username: '', password: '' });
  /** The value and change handler of one field. */
  const bind = (name: keyof typeof fields) => ({
    value: fields[name],
    onChange: (value: string) => {
      setFields((current) => ({ ...current, [name]: value }));
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const { homeserverUrl, username, password } = fields;
    void session.signIn({ homeserverUrl: homeserverUrl.trim(), username: username.trim(), password });
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-busy={busy}>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        <TextField
          {...bind('homeserverUrl')}
          label={t('signIn.homeserver')}
          testId="signin-homeserver"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          required
          placeholder={t('signIn.homeserverPlaceholder')}
        />
        <TextField
          {...bind('username')}
          label={t('signIn.username')}
          testId="signin-username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField {...bind('password')} label={t('signIn.password')} testId="signin-password" type="password" autoComplete="current-password" required />
        <ErrorAlert code={error} testId="signin-error" />
        <button className="primary" type="submit" data-testid="signin-submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
};
