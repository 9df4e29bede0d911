// Lint rules, and the inner architecture: a wrong import fails the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { rembukPlugin } from './.ci/lint/plugin.ts';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.homeserver/**', '.rembuk/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { rembuk: rembukPlugin },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // matrix-js-sdk's string enums (EventType, KnownMembership) are meant to be compared with the raw strings events carry.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // The layers and what each may import are in .ci/lint/layers.ts; rules.test.ts there probes every one.
      'rembuk/layers': 'error',
      'rembuk/no-cycle': 'error',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked, languageOptions: { globals: globals.node } },
  { files: ['renderer/**/*.tsx', 'renderer/**/*.ts'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // Electron is the one package the allow-list cannot keep out of tests and benchmarks: they take it as 'any'.
    files: ['main/core/**', 'main/loopback/**', 'main/audit/**', 'e2e/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'Only main/electron imports electron; tests drive it through Playwright.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
