import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { MentionCandidate, MentionInput } from '../../../../shared/model/conversation.ts';

/** The message a reply answers, as the banner above the composer shows it. */
export type ReplyTarget = { eventId: string; senderName: string; excerpt: string };

export type ComposerState = {
  roomId: string | null;
  /** Set on a thread panel's composer: what it sends goes into this thread. */
  threadRoot: string | null;
  text: string;
  sending: boolean;
  error: ErrorCode | null;
  replyTo: ReplyTarget | null;
  /** The own message being edited: Enter saves it with message:edit instead of sending. */
  editing: { eventId: string } | null;
  /** Members picked in the @ picker; only those whose name is still in the text are sent. */
  mentions: MentionInput[];
  /** @room was picked from the picker (only offered to those allowed to use it). */
  mentionRoom: boolean;
  /** Who is typing, per room, from main's typing:changed. */
  typing: Record<string, string[]>;
};

export type ComposerStore = {
  store: StoreApi<ComposerState>;
  /** Saves the current draft and loads the one of `roomId` (null: no room open). */
  load: (roomId: string | null, threadRoot?: string | null) => Promise<void>;
  setText: (text: string) => void;
  /** Saves a pending draft now instead of after the debounce (blur, room switch, unload). */
  flush: () => void;
  send: () => Promise<void>;
  startReply: (target: ReplyTarget) => void;
  /** Puts an own message's text in the composer to edit it. */
  startEdit: (eventId: string, body: string) => void;
  /** Esc: drops the reply or the edit (the text typed before an edit comes back). */
  cancel: () => void;
  addMention: (mention: MentionInput) => void;
  chooseRoomMention: () => void;
  mentionCandidates: (query: string) => Promise<IpcResult<MentionCandidate[]>>;
  /** The member stopped typing (blur): tells main now rather than after its timeout. */
  stopTyping: () => void;
  dispose: () => void;
};

/** The text @room is inserted as: the Matrix convention every client recognises. */
export const ROOM_MENTION = '@room';

export type ComposerDeps = {
  /** False for a thread panel's composer: the room's draft belongs to the room's own composer. */
  drafts?: boolean;
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
  const drafts = deps.drafts ?? true;
  const fresh = { text: '', sending: false, error: null, replyTo: null, editing: null, mentions: [], mentionRoom: false };
  const store = createStore<ComposerState>(() => ({ roomId: null, threadRoot: null, typing: {}, ...fresh }));
  // The text in the composer when an edit began, given back when the edit ends.
  let beforeEdit = '';
  // Whether main was last told "typing", so stopping is said once.
  let typingSent = false;
  const stopTypingEvents = bridge.on('typing:changed', ({ roomId, names }) => {
    store.setState((state) => ({ typing: { ...state.typing, [roomId]: names } }));
  });
  let timer: unknown = null;
  // Bumped on every keystroke: a draft:get that returns after the member typed must not win.
  let edits = 0;

  const save = (roomId: string, text: string): void => {
    if (!drafts) {
      return;
    }
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

  const sendTyping = (typing: boolean): void => {
    const { roomId } = store.getState();
    if (roomId === null || (!typing && !typingSent)) {
      return;
    }
    typingSent = typing;
    void bridge.invoke('room:typing', { roomId, typing });
  };

  const stopTyping = (): void => {
    sendTyping(false);
  };

  const load = async (roomId: string | null, threadRoot: string | null = null): Promise<void> => {
    if (roomId === store.getState().roomId && threadRoot === store.getState().threadRoot) {
      return;
    }
    flush();
    stopTyping();
    const editsAtLoad = edits;
    store.setState({ roomId, threadRoot, ...fresh });
    if (roomId === null || !drafts) {
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
    // Main throttles; an edit in progress is typing too, as other clients show it.
    sendTyping(text.trim() !== '');
    if (store.getState().editing === null) {
      scheduleSave();
    }
  };

  const outgoingMentions = (body: string): { mentions?: MentionInput[] } => {
    const kept = store.getState().mentions.filter((mention) => body.includes(mention.name));
    return kept.length > 0 ? { mentions: kept } : {};
  };

  const saveEdit = async (roomId: string, eventId: string, body: string): Promise<void> => {
    store.setState({ sending: true, error: null });
    const result = await bridge.invoke('message:edit', { roomId, eventId, body, ...outgoingMentions(body) });
    if (store.getState().roomId !== roomId) {
      return;
    }
    if (!result.ok) {
      store.setState({ sending: false, error: result.error.code });
      return;
    }
    const text = beforeEdit;
    beforeEdit = '';
    store.setState({ sending: false, editing: null, text, mentions: [], mentionRoom: false });
  };

  const send = async (): Promise<void> => {
    const { roomId, text, sending } = store.getState();
    const body = text.trim();
    if (roomId === null || sending || body === '') {
      return;
    }
    stopTyping();
    const { editing, replyTo, threadRoot, mentionRoom } = store.getState();
    if (editing !== null) {
      await saveEdit(roomId, editing.eventId, body);
      return;
    }
    cancelSave();
    store.setState({ sending: true, error: null });
    const result = await bridge.invoke('message:send', {
      roomId,
      body,
      ...(replyTo === null ? {} : { replyTo: replyTo.eventId }),
      ...(threadRoot === null ? {} : { threadRoot }),
      ...outgoingMentions(body),
      ...(mentionRoom && body.includes(ROOM_MENTION) ? { mentionRoom: true } : {}),
    });
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
    store.setState({ sending: false, text: rest, replyTo: null, mentions: [], mentionRoom: false });
    save(roomId, rest);
  };

  const startReply = (target: ReplyTarget): void => {
    if (store.getState().editing !== null) {
      cancel();
    }
    store.setState({ replyTo: target, error: null });
  };

  const startEdit = (eventId: string, body: string): void => {
    const state = store.getState();
    if (state.editing === null) {
      flush();
      beforeEdit = state.text;
    }
    store.setState({ editing: { eventId }, replyTo: null, text: body, mentions: [], mentionRoom: false, error: null });
  };

  const cancel = (): void => {
    const { editing } = store.getState();
    if (editing !== null) {
      store.setState({ editing: null, text: beforeEdit, mentions: [], mentionRoom: false, error: null });
      beforeEdit = '';
      stopTyping();
      return;
    }
    store.setState({ replyTo: null });
  };

  const addMention = (mention: MentionInput): void => {
    store.setState((state) => ({
      mentions: [...state.mentions.filter((known) => known.userId !== mention.userId), mention],
    }));
  };

  const mentionCandidates = async (query: string): Promise<IpcResult<MentionCandidate[]>> => {
    const { roomId } = store.getState();
    return roomId === null ? { ok: true, value: [] } : bridge.invoke('room:mentionCandidates', { roomId, query });
  };

  return {
    store,
    load,
    setText,
    flush,
    send,
    startReply,
    startEdit,
    cancel,
    addMention,
    chooseRoomMention: () => {
      store.setState({ mentionRoom: true });
    },
    mentionCandidates,
    stopTyping,
    dispose: () => {
      stopTypingEvents();
    },
  };
};
