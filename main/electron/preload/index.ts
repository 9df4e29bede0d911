/**
 * The sandboxed preload: exposes `window.rembuk = { invoke, on }` and nothing else.
 * The page never sees ipcRenderer or an IPC event object. It knows no channel names:
 * main's dispatcher (main/core/ipc/dispatcher.ts) is the one gate, refusing any channel
 * the contract lacks (`__proto__` and friends included) and validating every payload.
 * A list here would be a second copy of the contract to keep in step (a new request
 * touched it too), and importing the contract would drag zod into this bundle.
 * Built by ./vite.config.ts into one CommonJS file, as sandboxed preloads require.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type Bridge } from '../../../shared/ipc/bridge.ts';
import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from '../../../shared/ipc/contract.ts';
import type { IpcResult } from '../../../shared/ipc/errors.ts';
import { EVENT, HELLO, INVOKE } from '../ipc/ipc-names.ts';

/** Longer than any channel of the contract: a page cannot push a megabyte of name through. */
const MAX_CHANNEL_LENGTH = 100;
const isChannelName = (channel: unknown): channel is string => typeof channel === 'string' && channel.length <= MAX_CHANNEL_LENGTH;

// One IPC listener for all subscriptions, fanned out here: no MaxListeners warnings, no event object leaks.
const listeners = new Map<string, Set<(payload: unknown) => void>>();
ipcRenderer.on(EVENT, (_event: IpcRendererEvent, channel: unknown, payload: unknown) => {
  if (typeof channel !== 'string') {
    return;
  }
  for (const listener of listeners.get(channel) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`rembuk: a ${channel} listener threw`, error);
    }
  }
});

const fail = (code: 'unknown_channel' | 'invalid_request' | 'internal', detail?: string): IpcResult<never> => ({
  ok: false,
  error: detail === undefined ? { code } : { code, detail },
});

const bridge: Bridge = {
  async invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<IpcResult<RequestOutput<C>>> {
    // Not a name at all: answered here. A name the contract lacks: main answers unknown_channel.
    if (!isChannelName(channel)) {
      return fail('unknown_channel');
    }
    try {
      return (await ipcRenderer.invoke(INVOKE, channel, input)) as IpcResult<RequestOutput<C>>;
    } catch (error) {
      // Structured clone refuses functions, DOM nodes and the like before anything reaches main.
      const message = error instanceof Error ? error.message : String(error);
      return fail(message.includes('could not be cloned') ? 'invalid_request' : 'internal', message.slice(0, 500));
    }
  },
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
    // Main emits only the contract's events: a listener on any other name simply never fires.
    if (!isChannelName(channel) || typeof listener !== 'function') {
      return () => undefined;
    }
    const wrapped = (payload: unknown): void => {
      listener(payload as EventPayload<C>);
    };
    const set = listeners.get(channel) ?? new Set();
    set.add(wrapped);
    listeners.set(channel, set);
    return () => {
      set.delete(wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
// Tells main this is a new document, so it gets a fresh core connection (see main/electron/ipc/handle.ts).
ipcRenderer.send(HELLO);
