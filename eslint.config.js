// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** DESIGN §2: dependencies point one way; these are the lines a file may not cross. */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
];
const boundary = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src-shared/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: boundary(
      [
        'electron',
        ...NODE_BUILTINS,
        '**/src-main/**',
        '**/src-renderer/**',
        '**/src-cloud/**',
        '**/src-preload/**',
        'react',
        'react-dom',
      ],
      'src-shared runs everywhere: no electron, no node:*, no DOM, no other process folder.',
    ),
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary(
        ['electron', ...NODE_BUILTINS, '**/src-main/**', '**/src-cloud/**', '**/src-preload/**'],
        'The renderer only draws and asks: it reaches the core through window.showroom (the ConsoleApi).',
      ),
    },
  },
  {
    files: ['src-preload/**'],
    rules: boundary(
      ['**/src-main/**', '**/src-renderer/**', '**/src-cloud/**'],
      'The preload exposes the ConsoleApi contract from src-shared and nothing else.',
    ),
  },
  {
    files: ['src-main/**'],
    rules: boundary(
      ['**/src-renderer/**', '**/src-cloud/**', '**/src-preload/**'],
      'Main talks to the renderer over the ConsoleApi and to the cloud over HTTP, never by import.',
    ),
  },
  {
    files: ['src-cloud/**'],
    rules: boundary(
      ['electron', '**/src-main/**', '**/src-renderer/**', '**/src-preload/**'],
      'The cloud shares only src-shared with the desktop.',
    ),
  },
);
