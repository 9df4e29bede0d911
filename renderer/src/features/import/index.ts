import type { ImportStore } from './import-store.ts';
export { createImportStore, activeJob } from './import-store.ts';
export type { ImportState, ImportStep, ImportStore } from './import-store.ts';
export { ImportPane } from './ImportPane.tsx';
export { ImportStatus } from './ImportStatus.tsx';
export { JoinLinkDialog } from './JoinLinkDialog.tsx';
export { useJoinByLink } from './use-join-by-link.ts';
export { ImportedBadge } from './ImportedBadge.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    /** Moving a WhatsApp group over. */
    imports: ImportStore;
  }
}
