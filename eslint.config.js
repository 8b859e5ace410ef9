import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (docs/architecture.md):
//  1. web/ imports web/ and common/ only; common/ imports neither server/ nor web/ nor Node or DOM APIs.
//  2. Modules talk through each other's index.ts: no deep imports into another module or platform service.
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net', 'stream', 'url', 'util', 'buffer'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-results/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/server'], message: 'web/ must not import server/ (use common/contracts).' },
            { group: NODE_BUILTINS, message: 'web/ runs in the browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/server', '**/web/**', '**/web'], message: 'common/ is isomorphic: it imports neither server/ nor web/.' },
            { group: [...NODE_BUILTINS, 'react', 'react-dom', 'antd'], message: 'common/ is isomorphic: no Node, DOM or UI imports.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: serverPatterns(false) }] },
  },
  {
    files: ['server/platform/*/**/*.ts', 'server/modules/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: serverPatterns(true) }] },
  },
);

function serverPatterns(insideModule) {
  const patterns = [
    { group: ['**/web/**', '**/web'], message: 'server/ must not import web/.' },
    {
      regex: '^(\\.\\.?/)+(.*/)?(modules|platform)/[^/]+/(?!index$)[^/]+',
      message: 'Import another module or platform service through its index.ts.',
    },
  ];
  if (insideModule) {
    patterns.push({
      regex: '^\\.\\./[^./][^/]*/(?!index$)[^/]+$',
      message: 'Import a sibling module or platform service through its index.ts.',
    });
  }
  return patterns;
}
