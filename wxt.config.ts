import { defineConfig } from 'wxt';

// Content scripts: the ISOLATED panel script is declared in entrypoints/talk.content;
// the panel bundle and the MAIN-world bridge are unlisted scripts it loads only on BV1DS411w7hz pages.
const WEB_RESOURCES = ['bridge.js', 'panel.js', 'panel-chunks/*.js', 'talk.json', 'talk.zh-Hant.json'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // Every import is written out. (Auto-imports also resolved a local "css" parameter to a
  // component's "css" export, pulling a lazily loaded view into the panel's main chunk.)
  imports: false,
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    // Loaded by the content script, only on BV1DS411w7hz pages: the MAIN-world bridge, the panel bundle, the talk data.
    web_accessible_resources: browser === 'firefox' ? WEB_RESOURCES : [{ resources: WEB_RESOURCES, matches: ['*://www.bilibili.com/*'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'talk-companion@bv1ds411w7hz.example',
              // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', 'test-results/**', 'bench-results/**', 'playwright-report/**'],
  },
  // `npm run dev` opens Chromium on the talk (Debian's chromium, or CHROMIUM_PATH).
  webExt: {
    startUrls: ['https://www.bilibili.com/video/BV1DS411w7hz/?p=6'],
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    // Chromium refuses to start as root without this (containers, CI boxes).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  // SOURCEMAP=1 for the size report's per-module breakdown.
  vite: () => ({ build: { sourcemap: process.env.SOURCEMAP === '1' } }),
});
