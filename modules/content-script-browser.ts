import { createRequire } from 'node:module';
import { defineWxtModule } from 'wxt/modules';

/**
 * Scripts that run in Bilibili's pages (the manifest content script, the panel bundle it
 * loads, the bridge) get the native `browser`/`chrome` object (@wxt-dev/browser) instead of
 * webextension-polyfill, which stays for the popup. They only call APIs that are promise-based
 * natively in Chrome MV3 and Firefox (runtime.getURL/id, storage). Measured: the polyfill was
 * 9.6 of the content script's 15 KB.
 */
export default defineWxtModule({
  name: 'content-script-browser',
  setup(wxt) {
    const native = createRequire(import.meta.url).resolve('@wxt-dev/browser');
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) return;
      const resolve = (config.resolve ??= {});
      const alias = resolve.alias;
      const entry = { find: /^wxt\/browser$/, replacement: native };
      if (Array.isArray(alias)) alias.unshift(entry);
      else
        resolve.alias = [entry, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))];
    });
  },
});
