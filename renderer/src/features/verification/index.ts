import type { VerificationStore } from './verification-store.ts';
export { createVerificationStore, currentVerification } from './verification-store.ts';
export type { VerificationState, VerificationStore } from './verification-store.ts';
export { VerificationDialog } from './VerificationDialog.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    verification: VerificationStore;
  }
}
