import type { ConnectionStore } from './connection-store.ts';
export { createConnectionStore } from './connection-store.ts';
export type { ConnectionStore, ConnectionStoreState } from './connection-store.ts';
export { ConnectionBanner } from './ConnectionBanner.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    connection: ConnectionStore;
  }
}
