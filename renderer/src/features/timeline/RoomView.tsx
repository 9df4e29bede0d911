import { useStore } from 'zustand';
import { useStores } from '../../app/stores.ts';
import { Composer } from '../composer/index.ts';
import { RoomHeader } from './RoomHeader.tsx';
import { Timeline } from './Timeline.tsx';

export type RoomViewProps = {
  roomId: string;
};

/** The open room. Keyed by room id by its parent, so scroll state never leaks between rooms. */
export const RoomView = ({ roomId }: RoomViewProps) => {
  const { rooms, timeline } = useStores();
  // The list entry follows renames live; details is the fallback for a room not listed yet.
  const listedName = useStore(rooms.store, (state) => state.rooms.find((room) => room.id === roomId)?.name);
  const detailsName = useStore(timeline.store, (state) => state.details?.name);
  const roomName = listedName ?? detailsName ?? '';

  return (
    <section className="room-view" aria-label={roomName}>
      <RoomHeader roomName={roomName} />
      <Timeline roomName={roomName} />
      <Composer />
    </section>
  );
};
