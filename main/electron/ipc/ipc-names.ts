/**
 * The three Electron IPC channels between the preload and main. Every contract request
 * travels on `INVOKE` and every contract event on `EVENT`; the contract channel is the
 * first argument. Kept free of imports so the preload bundle stays tiny.
 */
export const INVOKE = 'rembuk:invoke';
export const EVENT = 'rembuk:event';
/**
 * Sent once by each new document's preload before the page runs: main gives that
 * document a fresh core connection (see handle.ts for why not a navigation event).
 */
export const HELLO = 'rembuk:hello';
