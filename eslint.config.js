// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layer boundaries from ARCHITECTURE.md, as rules rather than memory. */
const layer = (files, groups, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] },
});

/** Bilibili's markup is known only to bilibili/: class names and ids stay out of other layers. */
const BILIBILI_SELECTOR = String.raw`/(bpx-|#bilibili-player|right-container|danmukuBox|up-panel-container|playerWrap)/`;

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'tests/e2e/fixtures/**',
      'public/**',
      'playwright-report/**',
      'test-results/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Code safety: nothing evaluates strings, no markup from data.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
        { object: 'document', property: 'write', message: 'Never.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No markup from data.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  layer(
    ['lib/**'],
    [
      '**/bilibili/**',
      '**/components/**',
      '**/entrypoints/**',
      'wxt',
      'wxt/*',
      '@wxt-dev/*',
      'webextension-polyfill',
      'preact',
      'preact/*',
      '@preact/*',
    ],
    'lib/ is pure: no page adapter, no UI, no browser APIs.',
  ),
  layer(['bilibili/**'], ['**/components/**', 'preact', 'preact/*', '@preact/*'], 'bilibili/ never depends on the UI.'),
  layer(['components/**'], ['**/bilibili/selectors'], 'components/ talks to the page adapter, never to its selectors.'),
  {
    files: ['components/**', 'entrypoints/**', 'lib/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${BILIBILI_SELECTOR}]`, message: "Bilibili's markup belongs in bilibili/selectors.ts." },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No markup from data.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  {
    files: ['entrypoints/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/lib/**'], message: 'Entrypoints only wire: import from components/ or bilibili/.' }] },
      ],
    },
  },
);
