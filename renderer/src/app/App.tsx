import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ConnectionBanner } from '../features/connection/index.ts';
import { SecurityBanner } from '../features/security/index.ts';
import { SignInScreen } from '../features/session/index.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { MainLayout } from './MainLayout.tsx';
import { useStores } from '../lib/stores-context.ts';

export const App = () => {
  const { t } = useTranslation();
  const { session } = useStores();
  const status = useStore(session.store, (state) => state.status);
  const error = useStore(session.store, (state) => state.error);

  return (
    <div className="app">
      <ConnectionBanner />
      {status === 'signedIn' && <SecurityBanner />}
      {status === 'unknown' && (
        <main className="splash" aria-busy="true">
          <p>{t('app.loading')}</p>
          <ErrorAlert code={error} />
        </main>
      )}
      {status === 'signedOut' && <SignInScreen />}
      {status === 'signedIn' && <MainLayout />}
    </div>
  );
};
