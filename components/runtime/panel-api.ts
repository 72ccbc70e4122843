/**
 * The seam between the small content script that runs on every video page and the panel
 * bundle it loads (only on BV1DS411w7hz pages). Types only, plus the global the bundle
 * registers itself under in the extension's isolated world.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RouteKind } from '../../bilibili/route';

export const PANEL_GLOBAL = '__bv1ds411w7hzCompanion';

export interface CompanionDeps {
  ctx: ContentScriptContext;
  win: Window;
  /** browser.runtime.getURL */
  url(path: string): string;
  /** Tell the route watcher about a URL the bridge saw change (pushState). */
  reportUrl(url: string): void;
}

export interface Companion {
  /** The route changed kind ('talk' | 'sibling' | 'other'). */
  route(kind: RouteKind): void;
}

export interface PanelApi {
  create(deps: CompanionDeps): Companion;
}
