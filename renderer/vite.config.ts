import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

// This folder, from the file URL Vite substitutes when it loads this config. (The
// renderer's lint and types forbid node:url, which would otherwise do this.) On Windows
// the URL path is /C:/…, so the slash before the drive letter goes.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/(?=[A-Za-z]:)/, '');

/**
 * Fontsource's CSS lists a WOFF file after each WOFF2 one, for browsers without WOFF2. Chromium
 * (Electron and any browser the loopback serves) reads WOFF2, so the WOFF copies would only add
 * 7.6 MB of emoji font to the build: their `url()`s go before Vite collects the assets.
 */
export const woff2Only = (): Plugin => ({
  name: 'rembuk-woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!/@fontsource\/.*\.css($|\?)/.test(id)) {
      return null;
    }
    return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
  },
});

export default defineConfig({
  root: here,
  // Relative asset paths: Electron loads the page from disk, the loopback core over http.
  base: './',
  plugins: [react(), woff2Only()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Chromium, in Electron and in the browser, preloads modules natively.
    modulePreload: { polyfill: false },
  },
});
