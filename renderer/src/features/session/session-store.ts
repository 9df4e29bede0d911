import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { SessionView, SignInInput } from '../../../../shared/model/session.ts';

export type SessionState = {
  /** `unknown` until main has answered once: neither screen is right before that. */
  status: 'unknown' | 'signedOut' | 'signedIn';
  session: SessionView | null;
  busy: boolean;
  error: ErrorCode | null;
};

export type SessionStore = {
  store: StoreApi<SessionState>;
  load: () => Promise<void>;
  signIn: (input: SignInInput) => Promise<void>;
  signOut: () => Promise<void>;
  dispose: () => void;
};

const fromSession = (session: SessionView | null): Pick<SessionState, 'status' | 'session'> => ({
  status: session ? 'signedIn' : 'signedOut',
  session,
});

export const createSessionStore = (bridge: Bridge): SessionStore => {
  const store = createStore<SessionState>(() => ({ status: 'unknown', session: null, busy: false, error: null }));

  // Main can end the session on its own (token revoked on another device).
  const stopListening = bridge.on('session:changed', (session) => {
    store.setState({ ...fromSession(session), busy: false });
  });

  const load = async (): Promise<void> => {
    const result = await bridge.invoke('session:get', {});
    if (result.ok) {
      store.setState({ ...fromSession(result.value), error: null });
    } else {
      store.setState({ error: result.error.code });
    }
  };

  const signIn = async (input: SignInInput): Promise<void> => {
    if (store.getState().busy) {
      return;
    }
    store.setState({ busy: true, error: null });
    const result = await bridge.invoke('session:signIn', input);
    if (result.ok) {
      store.setState({ ...fromSession(result.value), busy: false });
    } else {
      store.setState({ busy: false, error: result.error.code });
    }
  };

  const signOut = async (): Promise<void> => {
    if (store.getState().busy) {
      return;
    }
    store.setState({ busy: true, error: null });
    const result = await bridge.invoke('session:signOut', {});
    if (result.ok) {
      store.setState({ ...fromSession(null), busy: false });
    } else {
      store.setState({ busy: false, error: result.error.code });
    }
  };

  return { store, load, signIn, signOut, dispose: stopListening };
};
