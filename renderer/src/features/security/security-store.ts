import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { DeviceView, RoomMemberView, SecurityView } from '../../../../shared/model/security.ts';

export type SecurityState = {
  /** What main says about this device's cross-signing and key backup; null until it answers. */
  view: SecurityView | null;
  /** The new recovery key, shown until the member says they saved it; main no longer has it. */
  recoveryKey: string | null;
  /** The member put off restoring history for now ("Later"). */
  restoreDismissed: boolean;
  /** The own devices while a list of them is on screen; null otherwise. */
  devices: DeviceView[] | null;
  devicesError: ErrorCode | null;
};

export type SecurityStore = {
  store: StoreApi<SecurityState>;
  load: () => Promise<void>;
  /** Signed out: nothing of the last account stays. */
  reset: () => void;
  recoveryKeySaved: () => void;
  dismissRestore: () => void;
  restore: (recoveryKey: string) => Promise<IpcResult<null>>;
  setUp: (password?: string) => Promise<IpcResult<null>>;
  /** Makes a new recovery key (the old one stops working); it arrives like the first one. */
  newRecoveryKey: () => Promise<IpcResult<null>>;
  /** A room's members with their verification state. */
  members: (roomId: string) => Promise<IpcResult<RoomMemberView[]>>;
  /** Starts keeping the own-devices list current (the settings dialog is open). */
  watchDevices: () => Promise<void>;
  unwatchDevices: () => void;
  /** Trust may have changed (a verification finished): re-read the devices if they are shown. */
  refreshDevices: () => Promise<void>;
  dispose: () => void;
};

const initial = (): SecurityState => ({ view: null, recoveryKey: null, restoreDismissed: false, devices: null, devicesError: null });

export const createSecurityStore = (bridge: Bridge): SecurityStore => {
  const store = createStore<SecurityState>(initial);
  let watching = false;
  const isWatching = (): boolean => watching;
  let taking = false;

  // Main hands the key out once; the store keeps it only until the member confirms.
  const takeRecoveryKey = async (): Promise<void> => {
    if (taking || store.getState().recoveryKey !== null) {
      return;
    }
    taking = true;
    const result = await bridge.invoke('security:takeRecoveryKey', {});
    taking = false;
    if (result.ok && result.value !== null) {
      store.setState({ recoveryKey: result.value.recoveryKey });
    }
  };

  const adopt = (view: SecurityView): void => {
    store.setState({ view });
    if (view.recoveryKeyWaiting) {
      void takeRecoveryKey();
    }
  };

  const refreshDevices = async (): Promise<void> => {
    if (!watching) {
      return;
    }
    const result = await bridge.invoke('security:devices', {});
    // The list may have been closed while main answered.
    if (!isWatching()) {
      return;
    }
    store.setState(result.ok ? { devices: result.value, devicesError: null } : { devicesError: result.error.code });
  };

  const stopListening = bridge.on('security:changed', (view) => {
    adopt(view);
    void refreshDevices();
  });

  const load = async (): Promise<void> => {
    const result = await bridge.invoke('security:get', {});
    if (result.ok) {
      adopt(result.value);
    }
  };

  return {
    store,
    load,
    reset: () => {
      watching = false;
      store.setState(initial());
    },
    recoveryKeySaved: () => {
      store.setState({ recoveryKey: null });
    },
    dismissRestore: () => {
      store.setState({ restoreDismissed: true });
    },
    restore: (recoveryKey) => bridge.invoke('security:restore', { recoveryKey }),
    setUp: (password) => bridge.invoke('security:setUp', password === undefined ? {} : { password }),
    members: (roomId) => bridge.invoke('room:members', { roomId }),
    newRecoveryKey: () => bridge.invoke('security:newRecoveryKey', {}),
    watchDevices: async () => {
      watching = true;
      await refreshDevices();
    },
    unwatchDevices: () => {
      watching = false;
      store.setState({ devices: null, devicesError: null });
    },
    refreshDevices,
    dispose: stopListening,
  };
};
