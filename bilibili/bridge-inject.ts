/**
 * How the MAIN-world bridge gets into the page without inline script, which a page CSP blocks
 * (and Firefox applies the page's CSP to inline scripts that content scripts insert: bug 1267027).
 * - Loaded at the talk's URL: the manifest's MAIN-world content script (entrypoints/
 *   page-bridge.content.ts) is already there. The browser runs it; no <script> element, no CSP.
 * - Reached by pushState from another video: bridge.js by src from the extension's origin, a
 *   web-accessible file. Chrome exempts its extension scheme from page CSP; Firefox does not
 *   apply the page's CSP to loads a content script starts (since Firefox 58).
 */
import { browser } from 'wxt/browser';
import { matchesTalkPages } from './route';

/** Was this document loaded at a URL the manifest's MAIN-world bridge is declared for? */
export function bridgeInPage(win: Window): boolean {
  let url = win.document.URL;
  try {
    // The URL the document was loaded at, not where pushState has taken it since.
    const nav = win.performance.getEntriesByType('navigation')[0];
    if (nav?.name) url = nav.name;
  } catch {
    // no timeline: the current URL
  }
  return matchesTalkPages(url);
}

/** Adds bridge.js (a web-accessible file) by src with the token; resolves when it ran. */
export function injectBridgeFile(win: Window, token: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const doc = win.document;
    const script = doc.createElement('script');
    script.src = browser.runtime.getURL('/bridge.js');
    script.dataset.token = token;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error('bridge.js did not load')), { once: true });
    (doc.head ?? doc.documentElement).append(script);
    // It runs once loaded, attached or not: leave nothing in Bilibili's DOM.
    script.remove();
  });
}
