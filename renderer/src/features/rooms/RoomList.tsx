import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { InviteRow } from './InviteRow.tsx';
import { RoomRow } from './RoomRow.tsx';

/** Relative times ("Kemarin") go stale at midnight; a minute is precise enough. */
const useMinuteClock = (): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 60_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
};

export const RoomList = () => {
  const { t } = useTranslation();
  const { rooms: roomsStore } = useStores();
  const rooms = useStore(roomsStore.store, (state) => state.rooms);
  const loaded = useStore(roomsStore.store, (state) => state.loaded);
  const error = useStore(roomsStore.store, (state) => state.error);
  const selectedRoomId = useStore(roomsStore.store, (state) => state.selectedRoomId);
  const now = useMinuteClock();

  return (
    <nav className="room-list-pane" aria-label={t('rooms.listLabel')}>
      <ErrorAlert code={error} />
      {!loaded && error === null && <p className="muted pad">{t('rooms.loading')}</p>}
      {loaded && rooms.length === 0 && <p className="muted pad">{t('rooms.empty')}</p>}
      <ul className="room-list" data-testid="room-list">
        {rooms.map((room) =>
          room.membership === 'invite' ? (
            <InviteRow key={room.id} room={room} onAccept={roomsStore.acceptInvite} onDecline={roomsStore.declineInvite} />
          ) : (
            <RoomRow key={room.id} room={room} selected={room.id === selectedRoomId} now={now} onSelect={roomsStore.select} />
          ),
        )}
      </ul>
    </nav>
  );
};
