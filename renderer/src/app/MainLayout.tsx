import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { CoopNotices, CoopPane } from '../features/coop/index.ts';
import { ImportPane } from '../features/import/index.ts';
import { RecoveryKeyDialog } from '../features/security/index.ts';
import { RoomSwitcher } from '../features/rooms/index.ts';
import { RoomView } from '../features/timeline/index.ts';
import { VerificationDialog } from '../features/verification/index.ts';
import { Sidebar } from './Sidebar.tsx';
import { useRoomShortcuts } from './use-room-shortcuts.ts';
import { useStores } from '../lib/stores-context.ts';

export const MainLayout = () => {
  const { t } = useTranslation();
  const { rooms, coop, imports } = useStores();
  const importOpen = useStore(imports.store, (state) => state.open);
  const selectedRoomId = useStore(rooms.store, (state) => state.selectedRoomId);
  const tab = useStore(coop.store, (state) => state.tab);
  const selectedCoopId = useStore(coop.store, (state) => state.selectedRoomId);
  // A narrow window shows the list or the pane, not both (layout.css): which one, by what is open.
  const showing = (tab === 'coop' ? selectedCoopId !== null : importOpen || selectedRoomId !== null) ? 'showing-pane' : 'showing-list';
  const { switcherOpen, closeSwitcher } = useRoomShortcuts();

  return (
    <div className={`layout ${showing}`}>
      <Sidebar />
      <main className="room-pane">
        {tab === 'coop' ? (
          <CoopPane />
        ) : importOpen ? (
          <ImportPane />
        ) : selectedRoomId === null ? (
          <div className="no-room">
            <p className="muted">{t('room.noSelection')}</p>
          </div>
        ) : (
          <RoomView key={selectedRoomId} roomId={selectedRoomId} />
        )}
      </main>
      {switcherOpen && (
        <RoomSwitcher
          onOpened={() => {
            coop.showTab('chats');
            closeSwitcher();
          }}
          onClose={closeSwitcher}
        />
      )}
      <CoopNotices />
      <VerificationDialog />
      {/* Last, so it is on top of anything else open: it is shown once and must be seen. */}
      <RecoveryKeyDialog />
    </div>
  );
};
