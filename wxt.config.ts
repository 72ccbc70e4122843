import { defineConfig } from 'wxt';

// Content scripts: the ISOLATED panel script is declared in entrypoints/talk.content;
// the panel bundle and the MAIN-world bridge are unlisted scripts it loads only on BV1DS411w7hz pages.
const WEB_RESOURCES = ['bridge.js', 'panel.js', 'panel-chunks/*.js', 'talk.json', 'talk.zh-Hant.json'];

// A public key pins the unpacked Chrome build's id (nhhajpeebocecjadbeecjnopbnncngfe) whatever
// folder it is loaded from: without it the id is a hash of the folder's path, and tests that
// looked it up by position on a browser page broke by the path. Only the public half exists;
// the store refuses a manifest with "key", so `npm run zip` builds with STORE_BUILD=1 (none).
const UNPACKED_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0XyWhF5ojTGYsAxzm085tdSWy+7pjNEdPgrh6A/TNCitXDhS2xj5Wk4f+CrNZdxaapPHWKEDYA9E9fuHC27Cgucgs+ljtfd9wnKtZb9F3lCsbEns5CO2PJgPfi8NMOUJjraWFJuSDsdQDTyXgIhzMSObEvaVICy0fpyeFtshKkKYPvSTGh7zfNz67spcd47YXHSlMUitTsSqDlGNtNUaSzl9C0Ci35ojuC4Mwva0MH5MouaGARP4r4Q5xnQkC8UEj32o+yYi7Koce49PMjTYTSFVqil1t4Q4C0gkAZk0H8gn8R/p2lvf8eXiNL0lnYqW9ATqNcbjZ7+woBwa4JV5ywIDAQAB';

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
    ...(browser !== 'firefox' && process.env.STORE_BUILD !== '1' ? { key: UNPACKED_KEY } : {}),
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
