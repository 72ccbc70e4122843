/**
 * One stream of "the URL may have changed" events from every source Bilibili's SPA can
 * trigger: WXT's location watcher (Navigation API or polling), popstate, and the bridge's
 * pushState/replaceState announcements. Duplicates are dropped by href.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface LocationWatch {
  /** Feed a URL from another source (the bridge). */
  report(url: string): void;
}

export function watchLocation(ctx: ContentScriptContext, win: Window, onChange: (url: string) => void): LocationWatch {
  let current = win.location.href;
  const report = (url: string): void => {
    if (url === current) return;
    current = url;
    onChange(url);
  };
  // WXT's watcher reports the Navigation API's destination, which also fires for downloads
  // (an <a download> of a blob:): read the committed location once the navigation settled.
  ctx.addEventListener(win, 'wxt:locationchange', () => queueMicrotask(() => report(win.location.href)));
  ctx.addEventListener(win, 'popstate', () => report(win.location.href));
  return { report };
}
