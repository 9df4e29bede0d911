export { createCoopStore } from './coop-store.ts';
export type { CoopState, CoopStore, NewCoop, NewProposal, SidebarTab } from './coop-store.ts';
export { createNoticesStore } from './notices-store.ts';
export type { NoticeItem, NoticesDeps, NoticesState, NoticesStore } from './notices-store.ts';
export { CoopSidebar } from './CoopSidebar.tsx';
export { CoopPane } from './CoopPane.tsx';
export { CoopNotices } from './CoopNotices.tsx';
