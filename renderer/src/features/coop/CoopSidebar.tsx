import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CreateCoopDialog } from './CreateCoopDialog.tsx';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('');

/** The Co-op tab of the sidebar: the member's co-ops and a way to found one. */
export const CoopSidebar = () => {
  const { t } = useTranslation();
  const { coop } = useStores();
  const coops = useStore(coop.store, (state) => state.coops);
  const loaded = useStore(coop.store, (state) => state.loaded);
  const error = useStore(coop.store, (state) => state.listError);
  const selectedRoomId = useStore(coop.store, (state) => state.selectedRoomId);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <div className="sidebar-actions">
        <button
          type="button"
          data-testid="coop-create"
          onClick={() => {
            setCreating(true);
          }}
        >
          {t('coop.create.open')}
        </button>
      </div>
      <nav className="room-list-pane" aria-label={t('coop.listLabel')}>
        <ErrorAlert code={error} />
        {!loaded && error === null && <p className="muted pad">{t('coop.loading')}</p>}
        {loaded && coops.length === 0 && <p className="muted pad">{t('coop.empty')}</p>}
        <ul className="room-list" data-testid="coop-list">
          {coops.map((item) => {
            const selected = item.roomId === selectedRoomId;
            return (
              <li key={item.roomId} className={`room-row${selected ? ' selected' : ''}`} data-testid="coop-row" data-room-id={item.roomId}>
                <button
                  type="button"
                  className="room-row-button"
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => {
                    coop.select(item.roomId);
                  }}
                >
                  <Avatar id={item.roomId} initials={initials(item.name)} />
                  <span className="room-row-text">
                    <span className="room-name">{item.name}</span>
                    <span className="room-preview">
                      {item.openProposals === 0 ? t('coop.noOpenProposals') : t('coop.openProposals', { count: item.openProposals })}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {creating && (
        <CreateCoopDialog
          onClose={() => {
            setCreating(false);
          }}
        />
      )}
    </>
  );
};
