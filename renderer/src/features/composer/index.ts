export { createComposerStore } from './composer-store.ts';
export type { ComposerDeps, ComposerState, ComposerStore } from './composer-store.ts';
export { Composer } from './Composer.tsx';
