import type { CoopStore } from './coop-store.ts';
import type { NoticesStore } from './notices-store.ts';
export { createCoopStore } from './coop-store.ts';
export type { CoopState, CoopStore, NewCoop, NewProposal, SidebarTab } from './coop-store.ts';
export { createNoticesStore } from './notices-store.ts';
export type { NoticeItem, NoticesDeps, NoticesState, NoticesStore } from './notices-store.ts';
export { CoopSidebar } from './CoopSidebar.tsx';
export { CoopPane } from './CoopPane.tsx';
export { CoopNotices } from './CoopNotices.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    coop: CoopStore;
    notices: NoticesStore;
  }
}
