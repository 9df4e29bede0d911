import type { TimelineStore } from './timeline-store.ts';
export { canLoadOlder, createTimelineStore, initialWindow } from './timeline-store.ts';
export type { TimelineDeps, TimelineState, TimelineStore } from './timeline-store.ts';
export { RoomView } from './RoomView.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    timeline: TimelineStore;
    /** The thread side panel's window (a second subscription, with threadRootId). */
    thread: TimelineStore;
  }
}
