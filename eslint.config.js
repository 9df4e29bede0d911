// Lint rules, and the import boundaries between runtimes: a wrong import fails the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.homeserver/**', '.rembuk/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // matrix-js-sdk's string enums (EventType, KnownMembership) are meant to be compared with the raw strings events carry.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked, languageOptions: { globals: globals.node } },
  {
    files: ['main/core/**', 'main/loopback/**', 'main/audit/**'],
    rules: restrict(['electron', 'electron/*'], 'main/core, main/loopback and main/audit run in plain Node: only main/electron may import electron.'),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      ['electron', 'electron/*', 'matrix-js-sdk', 'matrix-js-sdk/*', 'node:*', '**/main/**', 'ws'],
      'The renderer only shows view models: it never imports main, electron, node or matrix-js-sdk.',
    ),
  },
  {
    files: ['shared/**'],
    rules: restrict(
      ['electron', 'electron/*', 'matrix-js-sdk', 'matrix-js-sdk/*', 'node:*', '**/main/**', '**/renderer/**', 'react', 'react-dom'],
      'shared holds the contract: it imports only zod and other shared files.',
    ),
  },
  {
    files: ['e2e/**', 'bench/**'],
    rules: restrict(['electron', 'electron/*'], 'Tests drive Electron through Playwright, not by importing it.'),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
