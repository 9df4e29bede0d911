import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ConnectionState } from '../../../../shared/model/session.ts';
import type { TransportStatus } from '../../lib/loopback-bridge.ts';

export type ConnectionStoreState = {
  /** Main's link to the homeserver. */
  connection: ConnectionState | null;
  /** Our link to main: only the loopback transport can lose it. */
  transport: TransportStatus;
};

export type ConnectionStore = {
  store: StoreApi<ConnectionStoreState>;
  load: () => Promise<void>;
  setTransport: (status: TransportStatus) => void;
  dispose: () => void;
};

export const createConnectionStore = (bridge: Bridge, transport: TransportStatus): ConnectionStore => {
  const store = createStore<ConnectionStoreState>(() => ({ connection: null, transport }));
  const stopListening = bridge.on('connection:changed', (connection) => {
    store.setState({ connection });
  });
  const load = async (): Promise<void> => {
    const result = await bridge.invoke('connection:get', {});
    if (result.ok) {
      store.setState({ connection: result.value });
    }
  };
  return {
    store,
    load,
    setTransport: (status) => {
      store.setState({ transport: status });
    },
    dispose: stopListening,
  };
};
