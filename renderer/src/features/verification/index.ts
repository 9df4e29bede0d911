export { createVerificationStore, currentVerification } from './verification-store.ts';
export type { VerificationState, VerificationStore } from './verification-store.ts';
export { VerificationDialog } from './VerificationDialog.tsx';
