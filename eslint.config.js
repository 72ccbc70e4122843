// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layer and folder boundaries (docs/ARCHITECTURE.md), as rules rather than memory. One config per
 * folder with all of its patterns: ESLint replaces a rule's options per file, it does not merge them.
 * The TypeScript variant lets a folder see another's types (`import type`) where `types` says so.
 */
const layer = (files, groups, message, { types = false } = {}) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: [{ group: groups, message, ...(types ? { allowTypeImports: true } : {}) }] },
    ],
  },
});
const NO_SELECTORS = ['**/bilibili/selectors'];
const UI = ['preact', 'preact/*'];

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
  layer(['bilibili/**'], ['**/components/**', ...UI, '@preact/*'], 'bilibili/ never depends on the UI.'),
  layer(['components/**'], NO_SELECTORS, 'components/ talks to the page adapter, never to its selectors.'),
  layer(
    ['components/runtime/**'],
    [...NO_SELECTORS, '**/popup/**'],
    'runtime/ owns page lifetimes: it talks to the page adapter (not its selectors) and never to the popup.',
  ),
  layer(
    ['components/views/**'],
    [...NO_SELECTORS, '**/runtime/**', '**/popup/**', '**/bilibili/**'],
    'views/ render models: they never import runtime/ (what owns a lifetime), the popup, or the page adapter (types only).',
    { types: true },
  ),
  layer(
    ['components/models/**'],
    [...NO_SELECTORS, '**/views/**', '**/runtime/**', '**/popup/**', '**/dom/**', ...UI, '**/bilibili/**'],
    'models/ hold state in signals: no views, no runtime, no DOM helpers, no page adapter (types only).',
    { types: true },
  ),
  layer(
    ['components/dom/**', 'components/i18n/**'],
    [
      '**/bilibili/**',
      '**/views/**',
      '**/runtime/**',
      '**/models/**',
      '**/popup/**',
      '../dom',
      '../dom/**',
      '../i18n',
      '../i18n/**',
      ...UI,
    ],
    'dom/ and i18n/ are leaves: they import nothing of ours but lib/.',
  ),
  layer(
    ['components/audio/**'],
    ['**/bilibili/**', '**/views/**', '**/runtime/**', '**/models/**', '**/popup/**', '**/i18n', '**/i18n/**', ...UI, '@preact/*'],
    'audio/ captures and analyses the page media: it takes an element and gives numbers (lib/ and dom/ only).',
  ),
  layer(
    ['components/popup/**'],
    [...NO_SELECTORS, '**/views/**', '**/runtime/**'],
    'popup/ is its own page: settings model and i18n, never the panel views or page lifetimes.',
  ),
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
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/lib/**'], message: 'Entrypoints only wire: import from components/ or bilibili/.' }] },
      ],
    },
  },
);
