/**
 * The companion's controller: follows the route, owns the page bridge, and starts a session
 * per route — the panel on P6 (panel-session.tsx), a hint on the other parts (hint-session.tsx).
 * Every session is an AbortSignal: leaving the route or invalidation removes everything.
 */
import { effect, signal } from '@preact/signals';
import { connectBridge, type BridgeClient } from '../../bilibili/bridge-client';
import { bridgeInPage, injectBridgeFile } from '../../bilibili/bridge-inject';
import { readBundle, type LoadedPack } from '../../lib/pack/bundle';
import { createSettingsModel, wxtSettingsStore } from '../models/settings';
import type { Companion, CompanionDeps } from './panel-api';
import css from '../views/panel.css?inline';
import { mountPanel } from './panel-session';
import type { BridgeHub, Deps } from './column';
import { childOf, onEnd } from '../dom/lifetime';
import { createShadowUi } from '../dom/shadow-host';

export function createCompanion(base: CompanionDeps): Companion {
  const deps: Deps = { ...base, createUi: (name) => createShadowUi(base.win.document, name, css) };
  const { ctx, win } = deps;
  let session: AbortController | null = null;
  let bridge: BridgeHub | null = null;
  let pack: Promise<LoadedPack> | null = null;

  const loadPack = (): Promise<LoadedPack> =>
    (pack ??= fetch(deps.url('/talk.json'))
      .then((r) => r.json() as Promise<unknown>)
      .then(readBundle));

  const ensureBridge = (): BridgeHub => {
    if (bridge) return bridge;
    const hub: BridgeHub = { client: undefined as unknown as BridgeClient, state: signal(null), bwp: { current: null } };
    hub.client = connectBridge({
      win,
      signal: ctx.signal,
      // Never inline script (a page CSP blocks it): the manifest's MAIN-world script, or bridge.js by src.
      inPage: bridgeInPage(win),
      inject: (token) => injectBridgeFile(win, token),
      onMessage(msg) {
        if (msg.kind === 'nav') deps.reportUrl(msg.url);
        else if (msg.kind === 'state') hub.state.value = msg;
        else hub.bwp.current?.feed({ time: msg.t, paused: msg.paused, duration: msg.duration, rate: msg.rate });
      },
    });
    return (bridge = hub);
  };

  let offInvalidated: (() => void) | null = null;
  // An extension reload or update leaves this script orphaned in the page, and Chrome does not
  // tell it. WXT's context interval checks runtime.id on every tick (every 2 s): an invalid
  // context aborts, which ends every session, and clears the interval.
  ctx.setInterval(() => undefined, 2000);
  return {
    route(kind) {
      session?.abort();
      session = null;
      // Drop the old session's hook on the context too, or every switch would leave one behind.
      offInvalidated?.();
      offInvalidated = null;
      // Any other video: nothing is written to the page.
      if (kind === 'other') return;
      const s = new AbortController();
      offInvalidated = ctx.onInvalidated(() => s.abort());
      session = s;
      const hub = ensureBridge();
      if (kind === 'talk') void startTalk(deps, s.signal, hub, loadPack);
      // Other parts of the talk only get a hint; its code loads on those pages only.
      else
        void import('./hint-session').then(
          (m) => m.startHint(deps, s.signal),
          (err: unknown) => console.warn('[companion] hint failed to load', err),
        );
    },
  };
}

/** On the talk: the panel, while settings say enabled (toggled live from the popup). */
async function startTalk(deps: Deps, life: AbortSignal, hub: BridgeHub, loadPack: () => Promise<LoadedPack>): Promise<void> {
  const settings = createSettingsModel(wxtSettingsStore(), life);
  await settings.ready;
  if (life.aborted) return;
  let panel: AbortController | null = null;
  const stop = effect(() => {
    const enabled = settings.settings.value.enabled;
    if (enabled && !panel) {
      // A child of the session: toggling "enabled" many times leaves nothing behind on it.
      panel = childOf(life);
      void mountPanel(deps, panel.signal, hub, loadPack, settings).catch((err: unknown) => {
        console.warn('[companion] panel failed', err);
      });
    } else if (!enabled && panel) {
      panel.abort();
      panel = null;
    }
  });
  onEnd(life, stop);
}
