/** What a key press asks of the room list, if anything: the window-wide shortcuts. */
export type RoomShortcut = 'switcher' | 'previous' | 'next';

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * Ctrl+K (Cmd+K on a Mac) opens the quick switcher; Alt+Up / Alt+Down move to the room above or
 * below. Any other modifier makes it another shortcut (Ctrl+Shift+K is the browser's console).
 */
export const roomShortcutOf = (event: Keys): RoomShortcut | null => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
    return 'switcher';
  }
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    if (event.key === 'ArrowUp') {
      return 'previous';
    }
    if (event.key === 'ArrowDown') {
      return 'next';
    }
  }
  return null;
};
