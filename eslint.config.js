// Lint rules, including the layering that keeps each file's runtime visible:
// shared/ is pure, services never import electron, the renderer never imports Node or the main process.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream', 'zlib'];
/** `names`: packages refused by exact name; `folders`: relative-path patterns refused. */
const restrict = (names, folders, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => ({ name, message })),
      patterns: [{ group: ['node:*', ...folders], message }],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'better-sqlite3', 'exceljs', 'zustand'],
      ['react/*', '**/electron/**', '**/renderer/**'],
      'shared/ is pure TypeScript: no Node, DOM, Electron or React imports.',
    ),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/http/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services run in plain Node too: never import electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Services never depend on the shell or the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...NODE_BUILTINS, 'electron', 'better-sqlite3', 'exceljs'], ['**/electron/**'], 'The renderer talks to the services only through the ApiClient.'),
    },
  },
  {
    files: ['electron/preload/**/*.cts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
