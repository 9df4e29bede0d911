export { createConnectionStore } from './connection-store.ts';
export type { ConnectionStore, ConnectionStoreState } from './connection-store.ts';
export { ConnectionBanner } from './ConnectionBanner.tsx';
