import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { clockTime, fullTime } from '../../lib/format-time.ts';

/**
 * Says why messages may not be moving. Online says nothing; losing Rembuk's own core
 * (loopback only) outranks everything else, since then nothing we show is current.
 */
export const ConnectionBanner = () => {
  const { t, i18n } = useTranslation();
  const { connection: connectionStore, session } = useStores();
  const transport = useStore(connectionStore.store, (state) => state.transport);
  const connection = useStore(connectionStore.store, (state) => state.connection);
  const signedIn = useStore(session.store, (state) => state.status === 'signedIn');

  if (transport === 'closed') {
    return (
      <div className="banner banner-warning" role="status" data-testid="connection-banner" data-state="disconnected">
        {t('connection.coreDisconnected')}
      </div>
    );
  }
  if (!signedIn || connection === null) {
    return null;
  }
  switch (connection.state) {
    case 'starting':
      return (
        <div className="banner banner-info" role="status" data-testid="connection-banner" data-state="starting">
          {t('connection.starting')}
        </div>
      );
    case 'syncing':
      return (
        <div className="banner banner-info" role="status" data-testid="connection-banner" data-state="syncing">
          <span>{t('connection.syncing', { roomsLoaded: connection.roomsLoaded })}</span>
          <progress className="banner-progress" aria-hidden="true" />
        </div>
      );
    case 'offline':
      return (
        <div className="banner banner-warning" role="status" data-testid="connection-banner" data-state="offline">
          <span title={fullTime(connection.since, i18n.language)}>{t('connection.offline', { time: clockTime(connection.since, i18n.language) })}</span>
        </div>
      );
    case 'online':
    case 'signedOut':
      return null;
  }
};
