import type { ComposerStore } from './composer-store.ts';
export { createComposerStore, ROOM_MENTION } from './composer-store.ts';
export type { ComposerDeps, ComposerState, ComposerStore, ReplyTarget } from './composer-store.ts';
export { Composer } from './Composer.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    composer: ComposerStore;
    /** The thread side panel's composer: sends with threadRoot, keeps no draft. */
    threadComposer: ComposerStore;
  }
}
