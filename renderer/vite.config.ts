import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// This folder, from the file URL Vite substitutes when it loads this config. (The
// renderer's lint and types forbid node:url, which would otherwise do this.) On Windows
// the URL path is /C:/…, so the slash before the drive letter goes.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/(?=[A-Za-z]:)/, '');

export default defineConfig({
  root: here,
  // Relative asset paths: Electron loads the page from disk, the loopback core over http.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Chromium, in Electron and in the browser, preloads modules natively.
    modulePreload: { polyfill: false },
  },
});
