export { canLoadOlder, createTimelineStore, initialWindow } from './timeline-store.ts';
export type { TimelineDeps, TimelineState, TimelineStore } from './timeline-store.ts';
export { RoomView } from './RoomView.tsx';
