import type { MediaStore } from './media-store.ts';
export { createMediaStore } from './media-store.ts';
export type { MediaDeps, MediaError as MediaErrorValue, MediaState, MediaStore, StagedFile } from './media-store.ts';
export { browserProbe } from './media-probe.ts';
export type { MediaProbe } from './media-probe.ts';
export { createBrowserSaver } from './browser-save.ts';
export type { BrowserSaver } from './browser-save.ts';
export { AttachControls, AttachStatus } from './AttachControls.tsx';
export { AttachmentPreview } from './AttachmentPreview.tsx';
export { MediaItem } from './MediaItem.tsx';
/** The line under a message or an attachment; the timeline's text messages show it too. */
export { MessageMeta } from './MessageMeta.tsx';
export { filesFromTransfer } from './drop-files.ts';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    /** Attachments: the preview, the trip to main, progress, saving. */
    media: MediaStore;
  }
}
