import type { SecurityStore } from './security-store.ts';
export { createSecurityStore } from './security-store.ts';
export type { SecurityState, SecurityStore } from './security-store.ts';
export { MembersDialog } from './MembersDialog.tsx';
export { RecoveryKeyDialog } from './RecoveryKeyDialog.tsx';
export { SecurityBanner } from './SecurityBanner.tsx';
export { SecuritySection } from './SecuritySection.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    security: SecurityStore;
  }
}
