import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';

export type ComposerState = {
  roomId: string | null;
  text: string;
  sending: boolean;
  error: ErrorCode | null;
};

export type ComposerStore = {
  store: StoreApi<ComposerState>;
  /** Saves the current draft and loads the one of `roomId` (null: no room open). */
  load: (roomId: string | null) => Promise<void>;
  setText: (text: string) => void;
  /** Saves a pending draft now instead of after the debounce (blur, room switch, unload). */
  flush: () => void;
  send: () => Promise<void>;
};

export type ComposerDeps = {
  debounceMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

/**
 * Drafts live in main so nothing typed is lost to a reload or a crash; here we only
 * hold the text being edited and save it shortly after typing stops.
 */
export const createComposerStore = (bridge: Bridge, deps: ComposerDeps = {}): ComposerStore => {
  const debounceMs = deps.debounceMs ?? 300;
  const setTimer = deps.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer =
    deps.clearTimer ??
    ((handle: unknown) => {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    });
  const store = createStore<ComposerState>(() => ({ roomId: null, text: '', sending: false, error: null }));
  let timer: unknown = null;
  // Bumped on every keystroke: a draft:get that returns after the member typed must not win.
  let edits = 0;

  const save = (roomId: string, text: string): void => {
    void bridge.invoke('draft:set', { roomId, text });
  };

  const cancelSave = (): boolean => {
    if (timer === null) {
      return false;
    }
    clearTimer(timer);
    timer = null;
    return true;
  };

  const flush = (): void => {
    const { roomId, text } = store.getState();
    if (cancelSave() && roomId !== null) {
      save(roomId, text);
    }
  };

  const scheduleSave = (): void => {
    cancelSave();
    timer = setTimer(() => {
      timer = null;
      const { roomId, text } = store.getState();
      if (roomId !== null) {
        save(roomId, text);
      }
    }, debounceMs);
  };

  const load = async (roomId: string | null): Promise<void> => {
    if (roomId === store.getState().roomId) {
      return;
    }
    flush();
    const editsAtLoad = edits;
    store.setState({ roomId, text: '', sending: false, error: null });
    if (roomId === null) {
      return;
    }
    const result = await bridge.invoke('draft:get', { roomId });
    if (result.ok && edits === editsAtLoad && store.getState().roomId === roomId) {
      store.setState({ text: result.value });
    }
  };

  const setText = (text: string): void => {
    edits += 1;
    store.setState({ text, error: null });
    scheduleSave();
  };

  const send = async (): Promise<void> => {
    const { roomId, text, sending } = store.getState();
    const body = text.trim();
    if (roomId === null || sending || body === '') {
      return;
    }
    cancelSave();
    store.setState({ sending: true, error: null });
    const result = await bridge.invoke('message:send', { roomId, body });
    const now = store.getState();
    if (now.roomId !== roomId) {
      // Switched rooms mid-send: settle the draft of the room we left.
      save(roomId, result.ok ? '' : text);
      return;
    }
    if (!result.ok) {
      store.setState({ sending: false, error: result.error.code });
      scheduleSave();
      return;
    }
    // Keep only what was typed while the send was on its way.
    const rest = now.text.startsWith(text) ? now.text.slice(text.length).trimStart() : now.text;
    store.setState({ sending: false, text: rest });
    save(roomId, rest);
  };

  return { store, load, setText, flush, send };
};
