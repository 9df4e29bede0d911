export { createImportStore, activeJob } from './import-store.ts';
export type { ImportState, ImportStep, ImportStore } from './import-store.ts';
export { ImportPane } from './ImportPane.tsx';
export { ImportStatus } from './ImportStatus.tsx';
export { JoinLinkDialog } from './JoinLinkDialog.tsx';
export { ImportedBadge } from './ImportedBadge.tsx';
