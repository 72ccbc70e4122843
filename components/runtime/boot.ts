/**
 * What runs on every Bilibili video page: parse the route, and only on BV1DS411w7hz load
 * the panel bundle. Another video costs one URL parse per navigation and writes nothing.
 */
import { watchLocation } from '../../bilibili/navigation';
import { classify, parseRoute, type RouteKind } from '../../bilibili/route';
import { PANEL_GLOBAL, type Companion, type CompanionDeps, type PanelApi } from './panel-api';

export interface BootDeps extends Omit<CompanionDeps, 'reportUrl'> {
  /** Loads the panel bundle into this isolated world (dynamic import of an extension URL). */
  loadPanel(): Promise<unknown>;
}

export function boot(deps: BootDeps): void {
  const { ctx, win } = deps;
  let kind: RouteKind = 'other';
  let companion: Promise<Companion | null> | null = null;

  const load = (): Promise<Companion | null> =>
    (companion ??= deps.loadPanel().then(
      () => {
        const api = (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelApi | undefined;
        return api ? api.create({ ...deps, reportUrl: (url) => location.report(url) }) : null;
      },
      (err: unknown) => {
        console.warn('[companion] panel bundle failed to load', err);
        return null;
      },
    ));

  const onUrl = (url: string): void => {
    const next = classify(parseRoute(url));
    if (next === kind) return;
    kind = next;
    // Only load what we need: nothing at all until the route is the talk's video.
    if (next !== 'other' || companion) {
      void load().then((c) => {
        if (!ctx.isInvalid && kind === next) c?.route(next);
      });
    }
  };

  const location = watchLocation(ctx, win, onUrl);
  onUrl(win.location.href);
}
