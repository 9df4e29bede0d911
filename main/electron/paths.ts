import path from 'node:path';

/*
 * Where the built pieces sit at run time, in one place. tsc emits this file to
 * dist/main/electron/paths.js, next to app.js; Vite writes the preload to
 * dist/preload/preload.cjs and the renderer to dist/renderer. Inside a package they
 * are all in app.asar, which Electron's fs reads transparently.
 */
const here = import.meta.dirname;

export const preloadPath = path.join(here, '../../preload/preload.cjs');
export const rendererRoot = path.join(here, '../../renderer');
