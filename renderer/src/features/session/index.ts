import type { SessionStore } from './session-store.ts';
export { createSessionStore } from './session-store.ts';
export type { SessionState, SessionStore } from './session-store.ts';
export { SignInScreen } from './SignInScreen.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    session: SessionStore;
  }
}
