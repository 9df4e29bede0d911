import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code they test: node for shared and main, jsdom for the renderer.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'e2e/homeserver/**/*.test.ts', 'e2e/demo/**/*.test.ts', '.ci/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          // A jsdom test renders the whole room view; on two shared cores with the node project
          // running beside it, a few took over vitest's 5 s default (measured up to 7 s).
          testTimeout: 15_000,
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
