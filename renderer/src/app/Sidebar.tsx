import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { SidebarTab } from '../features/coop/index.ts';
import { CoopSidebar } from '../features/coop/index.ts';
import { ImportStatus, JoinLinkDialog } from '../features/import/index.ts';
import { NewDirectDialog, NewRoomDialog, RoomList } from '../features/rooms/index.ts';
import { SettingsDialog } from '../features/settings/index.ts';
import { useStores } from '../lib/stores-context.ts';
import { PlusIcon, SettingsIcon } from '../ui/icons.ts';
import { MenuButton } from '../ui/MenuButton.tsx';

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
        {tab === 'chats' && (
          <MenuButton
            label={t('rooms.newMenu')}
            icon={<PlusIcon />}
            testId="new-menu"
            items={[
              { label: t('rooms.newRoom'), testId: 'new-room', onSelect: show('newRoom') },
              { label: t('rooms.newDirect'), testId: 'new-dm', onSelect: show('newDirect') },
              { label: t('joinLink.open'), testId: 'join-link', onSelect: show('joinLink') },
              { label: t('import.open'), testId: 'import-open', onSelect: imports.show },
            ]}
          />
        )}
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
