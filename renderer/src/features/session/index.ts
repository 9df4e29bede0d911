export { createSessionStore } from './session-store.ts';
export type { SessionState, SessionStore } from './session-store.ts';
export { SignInScreen } from './SignInScreen.tsx';
