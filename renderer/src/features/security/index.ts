export { createSecurityStore } from './security-store.ts';
export type { SecurityState, SecurityStore } from './security-store.ts';
export { MembersDialog } from './MembersDialog.tsx';
export { RecoveryKeyDialog } from './RecoveryKeyDialog.tsx';
export { SecurityBanner } from './SecurityBanner.tsx';
export { SecuritySection } from './SecuritySection.tsx';
