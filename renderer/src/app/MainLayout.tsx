import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { RoomView } from '../features/timeline/index.ts';
import { Sidebar } from './Sidebar.tsx';
import { useStores } from './stores.ts';

export const MainLayout = () => {
  const { t } = useTranslation();
  const { rooms } = useStores();
  const selectedRoomId = useStore(rooms.store, (state) => state.selectedRoomId);

  return (
    <div className="layout">
      <Sidebar />
      <main className="room-pane">
        {selectedRoomId === null ? (
          <div className="no-room">
            <p className="muted">{t('room.noSelection')}</p>
          </div>
        ) : (
          <RoomView key={selectedRoomId} roomId={selectedRoomId} />
        )}
      </main>
    </div>
  );
};
