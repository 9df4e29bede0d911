import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { SidebarTab } from '../features/coop/index.ts';
import { CoopSidebar } from '../features/coop/index.ts';
import { ImportStatus, JoinLinkDialog } from '../features/import/index.ts';
import { NewDirectDialog, NewRoomDialog, RoomList } from '../features/rooms/index.ts';
import { SettingsDialog } from '../features/settings/index.ts';
import { useStores } from '../lib/stores-context.ts';
import { SettingsIcon } from '../ui/icons.ts';

type OpenDialog = 'none' | 'newRoom' | 'newDirect' | 'settings' | 'joinLink';

export const Sidebar = () => {
  const { t } = useTranslation();
  const { coop, imports } = useStores();
  const tab = useStore(coop.store, (state) => state.tab);
  const [dialog, setDialog] = useState<OpenDialog>('none');
  /** A click handler that opens `next` (or, with 'none', closes the open dialog). */
  const show = (next: OpenDialog) => (): void => {
    setDialog(next);
  };
  const close = show('none');
  const tabButton = (id: SidebarTab, label: string) => (
    <button
      type="button"
      role="tab"
      className="sidebar-tab"
      data-testid={`tab-${id}`}
      aria-selected={tab === id}
      onClick={() => {
        coop.showTab(id);
      }}
    >
      {label}
    </button>
  );

  return (
    <aside className="sidebar">
      <header className="sidebar-header">
        <h1 className="sidebar-title">{tab === 'coop' ? t('coop.heading') : t('rooms.heading')}</h1>
        <button
          type="button"
          className="icon-button"
          data-testid="settings-open"
          aria-label={t('settings.open')}
          title={t('settings.open')}
          onClick={show('settings')}
        >
          <SettingsIcon />
        </button>
      </header>
      <div className="sidebar-tabs" role="tablist" aria-label={t('tabs.label')}>
        {tabButton('chats', t('tabs.chats'))}
        {tabButton('coop', t('tabs.coop'))}
      </div>
      {tab === 'chats' ? (
        <>
          <div className="sidebar-actions">
            <button type="button" data-testid="new-room" onClick={show('newRoom')}>
              {t('rooms.newRoom')}
            </button>
            <button type="button" data-testid="new-dm" onClick={show('newDirect')}>
              {t('rooms.newDirect')}
            </button>
            <button type="button" data-testid="join-link" onClick={show('joinLink')}>
              {t('joinLink.open')}
            </button>
            <button type="button" data-testid="import-open" onClick={imports.show}>
              {t('import.open')}
            </button>
          </div>
          <ImportStatus />
          <RoomList />
        </>
      ) : (
        <CoopSidebar />
      )}
      {dialog === 'newRoom' && <NewRoomDialog onClose={close} />}
      {dialog === 'newDirect' && <NewDirectDialog onClose={close} />}
      {dialog === 'settings' && <SettingsDialog onClose={close} />}
      {dialog === 'joinLink' && <JoinLinkDialog onClose={close} />}
    </aside>
  );
};
