import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { VerificationView } from '../../../../shared/model/verification.ts';

export type VerificationState = {
  /** Every verification main tracks, oldest first. */
  items: VerificationView[];
  /** The last action that failed, for the verification on screen. */
  error: ErrorCode | null;
};

type Action =
  'verification:accept' | 'verification:startSas' | 'verification:confirm' | 'verification:mismatch' | 'verification:cancel' | 'verification:dismiss';

export type VerificationStore = {
  store: StoreApi<VerificationState>;
  load: () => Promise<void>;
  reset: () => void;
  requestDevice: (deviceId: string) => Promise<IpcResult<unknown>>;
  requestUser: (userId: string, roomId: string) => Promise<IpcResult<unknown>>;
  accept: (id: string) => Promise<void>;
  startSas: (id: string) => Promise<void>;
  confirm: (id: string) => Promise<void>;
  mismatch: (id: string) => Promise<void>;
  cancel: (id: string) => Promise<void>;
  dismiss: (id: string) => Promise<void>;
  dispose: () => void;
};

/** The verification to show: the newest one still going, else the newest finished one not yet dismissed. */
export const currentVerification = (items: readonly VerificationView[]): VerificationView | null => {
  const going = items.filter((item) => item.phase !== 'done' && item.phase !== 'cancelled');
  return going.at(-1) ?? items.at(-1) ?? null;
};

export const createVerificationStore = (bridge: Bridge): VerificationStore => {
  const store = createStore<VerificationState>(() => ({ items: [], error: null }));

  const stopListening = bridge.on('verification:changed', (items) => {
    store.setState({ items });
  });

  const act = async (channel: Action, id: string): Promise<void> => {
    store.setState({ error: null });
    const result = await bridge.invoke(channel, { id });
    if (!result.ok) {
      store.setState({ error: result.error.code });
    }
  };

  const request = async (send: () => Promise<IpcResult<unknown>>): Promise<IpcResult<unknown>> => {
    store.setState({ error: null });
    const result = await send();
    if (!result.ok) {
      store.setState({ error: result.error.code });
    }
    return result;
  };

  return {
    store,
    load: async () => {
      const result = await bridge.invoke('verification:list', {});
      if (result.ok) {
        store.setState({ items: result.value });
      }
    },
    reset: () => {
      store.setState({ items: [], error: null });
    },
    requestDevice: (deviceId) => request(() => bridge.invoke('verification:requestDevice', { deviceId })),
    requestUser: (userId, roomId) => request(() => bridge.invoke('verification:requestUser', { userId, roomId })),
    accept: (id) => act('verification:accept', id),
    startSas: (id) => act('verification:startSas', id),
    confirm: (id) => act('verification:confirm', id),
    mismatch: (id) => act('verification:mismatch', id),
    cancel: (id) => act('verification:cancel', id),
    dismiss: (id) => act('verification:dismiss', id),
    dispose: stopListening,
  };
};
