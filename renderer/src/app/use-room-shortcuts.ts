import { useEffect, useState } from 'react';
import { adjacentRoomId } from '../features/rooms/index.ts';
import { useStores } from '../lib/stores-context.ts';
import { roomShortcutOf } from './room-shortcuts.ts';

/** A modal dialog is open: its own keys win, and the room under it must not change. */
const modalOpen = (): boolean => document.querySelector('[aria-modal="true"]') !== null;

/**
 * Listens for the room shortcuts on the window. Alt+Up/Down select the next room of the list while
 * the Chats tab shows it; Ctrl+K opens the switcher from anywhere (it brings the Chats tab back when
 * a room is chosen). Returns whether the switcher is open and how to close it.
 */
export const useRoomShortcuts = (): { switcherOpen: boolean; closeSwitcher: () => void } => {
  const { rooms, coop } = useStores();
  const [switcherOpen, setSwitcherOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const shortcut = roomShortcutOf(event);
      if (shortcut === null || event.defaultPrevented || modalOpen()) {
        return;
      }
      if (shortcut === 'switcher') {
        event.preventDefault();
        setSwitcherOpen(true);
        return;
      }
      if (coop.store.getState().tab !== 'chats') {
        return;
      }
      event.preventDefault();
      const { rooms: list, selectedRoomId } = rooms.store.getState();
      const next = adjacentRoomId(list, selectedRoomId, shortcut === 'next' ? 1 : -1);
      if (next !== null) {
        rooms.select(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [rooms, coop]);

  return {
    switcherOpen,
    closeSwitcher: () => {
      setSwitcherOpen(false);
    },
  };
};
