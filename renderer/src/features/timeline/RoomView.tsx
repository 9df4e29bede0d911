import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { Composer } from '../composer/index.ts';
import { AttachmentPreview, filesFromTransfer } from '../media/index.ts';
import { lastEditable } from './last-editable.ts';
import { RoomHeader } from './RoomHeader.tsx';
import { ThreadPanel } from './ThreadPanel.tsx';
import { Timeline } from './Timeline.tsx';

export type RoomViewProps = {
  roomId: string;
};

/** The open room. Keyed by room id by its parent, so scroll state never leaks between rooms. */
export const RoomView = ({ roomId }: RoomViewProps) => {
  const { t } = useTranslation();
  const { rooms, timeline, media } = useStores();
  // Counts enter/leave pairs: dragging over a child element leaves the parent first.
  const [dragDepth, setDragDepth] = useState(0);
  // The list entry follows renames live; details is the fallback for a room not listed yet.
  const listedName = useStore(rooms.store, (state) => state.rooms.find((room) => room.id === roomId)?.name);
  const detailsName = useStore(timeline.store, (state) => state.details?.name);
  const roomName = listedName ?? detailsName ?? '';
  const canMentionRoom = useStore(timeline.store, (state) => state.details?.canMentionRoom === true);

  const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

  return (
    <section
      className={dragDepth > 0 ? 'room-view dragging' : 'room-view'}
      aria-label={roomName}
      data-testid="room-view"
      onDragEnter={(event) => {
        if (carriesFiles(event)) {
          event.preventDefault();
          setDragDepth((depth) => depth + 1);
        }
      }}
      onDragOver={(event) => {
        if (carriesFiles(event)) {
          // Without this the browser opens the file instead of dropping it here.
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDragLeave={(event) => {
        if (carriesFiles(event)) {
          setDragDepth((depth) => Math.max(0, depth - 1));
        }
      }}
      onDrop={(event) => {
        const files = filesFromTransfer(event.dataTransfer);
        setDragDepth(0);
        if (files.length > 0) {
          event.preventDefault();
          media.stage(roomId, files);
        }
      }}
    >
      <RoomHeader roomName={roomName} />
      <div className="room-body">
        <div className="room-main">
          <Timeline roomName={roomName} />
          <Composer canMentionRoom={canMentionRoom} lastEditable={() => lastEditable(timeline.store.getState().items)} />
        </div>
        <ThreadPanel roomName={roomName} />
      </div>
      {dragDepth > 0 && (
        <div className="drop-overlay" aria-hidden="true">
          {t('media.dropHere')}
        </div>
      )}
      <AttachmentPreview />
    </section>
  );
};
