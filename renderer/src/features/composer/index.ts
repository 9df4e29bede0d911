import type { ComposerStore } from './composer-store.ts';
export { createComposerStore } from './composer-store.ts';
export type { ComposerDeps, ComposerState, ComposerStore } from './composer-store.ts';
export { Composer } from './Composer.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    composer: ComposerStore;
  }
}
