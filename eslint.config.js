// Lint, including the layer arrows of docs/architecture.md: who may import whom.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noReact = [
  { name: 'react', message: 'Pure layers never import React.' },
  { name: 'react-dom', message: 'Pure layers never import React.' },
  { name: 'dexie', message: 'Pure layers never import Dexie: go through src/db.' },
  { name: 'dexie-react-hooks', message: 'Pure layers never import Dexie.' },
  { name: 'electron', message: 'src/ never imports electron: use src/platform.' },
];
const nodeBuiltins = { group: ['node:*'], message: 'Renderer code never imports Node built-ins.' };
const layer = (patterns, paths = noReact) => ({
  'no-restricted-imports': ['error', { paths, patterns: [nodeBuiltins, ...patterns] }],
});
const forbid = (folders, why) => ({
  group: folders.flatMap((f) => [`**/${f}`, `**/${f}/*`, `**/${f}/**`]),
  message: why,
});

export default tseslint.config(
  {
    ignores: ['node_modules', 'out', 'dist', 'dist-web', 'release', 'test-results', 'playwright-report', '.bench'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...layer([], [{ name: 'electron', message: 'src/ never imports electron: use src/platform.' }]),
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: layer([
      forbid(
        ['db', 'sync', 'book', 'platform', 'features', 'stores', 'i18n'],
        'domain imports nothing but small pure libraries.',
      ),
    ]),
  },
  {
    files: ['src/db/**/*.ts'],
    rules: layer(
      [forbid(['sync', 'book', 'platform', 'features', 'stores'], 'db may import domain only.')],
      noReact.filter((p) => p.name !== 'dexie'),
    ),
  },
  {
    files: ['src/book/**/*.ts'],
    rules: layer([forbid(['db', 'sync', 'platform', 'features', 'stores'], 'book builders are pure: domain only.')]),
  },
  {
    files: ['src/search/**/*.ts'],
    rules: layer([
      forbid(['db', 'sync', 'book', 'platform', 'features', 'stores', 'i18n'], 'search is pure: domain only.'),
    ]),
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: layer(
      [forbid(['book', 'platform', 'features', 'stores'], 'sync may import domain and db only.')],
      noReact.filter((p) => p.name !== 'dexie'),
    ),
  },
  {
    // The folder vault driver runs in Node (tests now, Electron's main process later), never in
    // the renderer: the one file in src/ that may use Node built-ins.
    files: ['src/sync/transports/folder-node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noReact,
          patterns: [
            forbid(['book', 'platform', 'features', 'stores', 'db'], 'the folder driver imports domain and sync only.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer([
      forbid(
        ['domain', 'db', 'sync', 'book', 'platform', 'features', 'stores', 'i18n'],
        'shared imports nothing of the app.',
      ),
    ]),
  },
  {
    files: ['src/stores/**/*.ts'],
    rules: layer(
      [forbid(['features', 'platform', 'sync', 'book'], 'stores hold UI state; they may call db and domain.')],
      [{ name: 'electron', message: 'src/ never imports electron.' }],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [
                'src/domain',
                'src/db',
                'src/features',
                'src/stores',
                'src/platform',
                'src/i18n',
                'src/sync',
                'src/book',
              ],
              'electron/ sees only src/shared.',
            ),
          ],
        },
      ],
    },
  },
);
