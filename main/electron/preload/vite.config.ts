import path from 'node:path';
import { defineConfig } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Sandboxed preloads cannot `require` our files or use ESM: Electron wants one
 * CommonJS file that only requires `electron`. Vite library mode produces exactly that:
 * dist/preload/preload.cjs, a few KB. Not minified, so a stack trace reads as source.
 */
export default defineConfig({
  root: repoRoot,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(repoRoot, 'dist/preload'),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    target: 'chrome140',
    lib: {
      entry: path.join(import.meta.dirname, 'index.ts'),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
