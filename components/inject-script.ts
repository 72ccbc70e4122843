/**
 * Runs an extension file in the page's MAIN world with a token on its script element (what
 * WXT's injectScript does). It lives in the panel bundle, not in the content script that
 * every video page runs, because only the talk's pages need it.
 */
import { browser } from 'wxt/browser';

export async function injectScript(doc: Document, path: '/bridge.js', token: string): Promise<void> {
  const url = browser.runtime.getURL(path);
  const script = doc.createElement('script');
  script.dataset.token = token;
  let loaded: Promise<void> | undefined;
  // MV2 (Firefox) runs the file's text inline, as WXT does; MV3 loads it by URL.
  if (browser.runtime.getManifest().manifest_version === 2) script.text = await fetch(url).then((r) => r.text());
  else {
    script.src = url;
    loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', () => resolve(), { once: true });
      script.addEventListener('error', () => reject(new Error(`failed to load ${url}`)), { once: true });
    });
  }
  (doc.head ?? doc.documentElement).append(script);
  script.remove();
  await loaded;
}
