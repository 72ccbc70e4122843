/**
 * The companion's controller: follows the route, and on the talk page wires the page
 * adapter (player, media, screen mode, bridge, subtitles) to the models and the views.
 * Every session is an AbortSignal: leaving the route or invalidation removes everything.
 */
import { computed, effect, signal, type Signal } from '@preact/signals';
import { render } from 'preact';
import { connectBridge, type BridgeClient } from '../bilibili/bridge-client';
import type { FromPage } from '../bilibili/bridge-protocol';
import { findColumnMount, isImmersive, type ScreenMode } from '../bilibili/dom';
import { bwpHandle, videoHandle, type BwpHandle } from '../bilibili/media';
import { ensurePlaced, watchPage, type PageState } from '../bilibili/page-watcher';
import { TALK, talkUrl } from '../bilibili/route';
import { fetchSubtitleCues } from '../bilibili/subtitles';
import { alignCues, fillGaps } from '../lib/align';
import { applyHant, readBundle, type LoadedPack } from '../lib/pack/bundle';
import { estimateStarts } from '../lib/timeline';
import { Models, type PageStatus, type PanelModels } from './context';
import { Hint } from './Hint';
import { createI18n, type I18n } from './i18n';
import { createPlayback } from './models/playback';
import { createSettingsModel, wxtSettingsStore } from './models/settings';
import { calibrationItem, hintDismissedItem, subtitleCacheItem } from './models/storage';
import { createTalkModel } from './models/talk';
import { createTiming } from './models/timing';
import { createUiModel } from './models/ui';
import { Panel } from './Panel';
import { measured } from './perf';
import type { Companion, CompanionDeps } from './panel-api';
import css from './panel.css?inline';
import { createShadowUi, type ShadowUi } from './shadow-host';
import { installShortcuts } from './shortcuts';
import { TermCard } from './TermCard';

/** How long to wait for Bilibili's player before saying so. */
const PLAYER_TIMEOUT_MS = 15_000;
const SUBTITLE_CACHE_DAYS = 30;

interface BridgeHub {
  client: BridgeClient;
  state: Signal<Extract<FromPage, { kind: 'state' }> | null>;
  bwp: { current: BwpHandle | null };
}

interface Deps extends CompanionDeps {
  /** A shadow-root UI, not yet in the document (the controller places it). */
  createUi(name: string): ShadowUi;
}

const uniqueName = (base: string): string => `${base}-${Math.random().toString(36).slice(2, 8)}`;

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
      inject: deps.injectBridge,
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
  // tell it. Asking WXT's context (it checks runtime.id) every 2 s turns that into an abort.
  const watchdog = win.setInterval(() => {
    if (ctx.isInvalid) win.clearInterval(watchdog);
  }, 2000);
  ctx.onInvalidated(() => win.clearInterval(watchdog));
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
      else void startHint(deps, s.signal);
    },
  };
}

function placeInColumn(host: HTMLElement, doc: Document): boolean {
  const point = findColumnMount(doc);
  if (!point) return false;
  ensurePlaced(host, point.parent, point.before);
  return true;
}

async function startHint(deps: Deps, signal: AbortSignal): Promise<void> {
  const item = hintDismissedItem();
  if (await item.getValue().catch(() => true)) return;
  if (signal.aborted) return;
  const settings = createSettingsModel(wxtSettingsStore(), signal);
  await settings.ready;
  if (signal.aborted || !settings.settings.value.enabled) return;
  const i18n = createI18n(
    computed(() => settings.settings.value.uiLanguage),
    deps.win.navigator.language,
  );
  const ui = deps.createUi(uniqueName('talk-companion-hint'));
  const hint = new AbortController();
  signal.addEventListener('abort', () => hint.abort(), { once: true, signal: hint.signal });
  const dismiss = (): void => {
    void item.setValue(true).catch(() => undefined);
    hint.abort();
  };
  render(<Hint i18n={i18n} href={talkUrl()} onDismiss={dismiss} />, ui.container);
  hint.signal.addEventListener('abort', () => {
    render(null, ui.container);
    ui.remove();
  });
  // Mount only once the column exists; Bilibili may re-render it, so keep checking.
  watchPage(deps.win.document, hint.signal, () => {
    if (!ui.host.isConnected || !ui.host.parentElement) placeInColumn(ui.host, deps.win.document);
  });
}

async function startTalk(deps: Deps, life: AbortSignal, hub: BridgeHub, loadPack: () => Promise<LoadedPack>): Promise<void> {
  const settings = createSettingsModel(wxtSettingsStore(), life);
  await settings.ready;
  if (life.aborted) return;
  let panel: AbortController | null = null;
  const stop = effect(() => {
    const enabled = settings.settings.value.enabled;
    if (enabled && !panel) {
      panel = new AbortController();
      const p = panel;
      life.addEventListener('abort', () => p.abort(), { once: true });
      void mountPanel(deps, p.signal, hub, loadPack, settings).catch((err: unknown) => {
        console.warn('[companion] panel failed', err);
      });
    } else if (!enabled && panel) {
      panel.abort();
      panel = null;
    }
  });
  life.addEventListener('abort', stop, { once: true });
}

async function mountPanel(
  deps: Deps,
  life: AbortSignal,
  hub: BridgeHub,
  loadPack: () => Promise<LoadedPack>,
  settings: ReturnType<typeof createSettingsModel>,
): Promise<void> {
  const { win } = deps;
  const doc = win.document;
  const i18n: I18n = createI18n(
    computed(() => settings.settings.value.uiLanguage),
    win.navigator.language,
  );
  const status = signal<PageStatus>('waiting');
  const mode = signal<ScreenMode>('normal');

  let loaded: LoadedPack;
  try {
    loaded = await loadPack();
  } catch (err) {
    console.warn('[companion] talk data could not be loaded', err);
    return;
  }
  if (life.aborted) return;

  const ui = deps.createUi(uniqueName('talk-companion'));

  const wantHant = computed(() => settings.settings.value.chineseScript === 'traditional');
  const talk = createTalkModel(loaded, wantHant);
  const playback = createPlayback();
  const { bvid, p } = TALK;
  const calibration = calibrationItem(bvid, p);
  const timing = createTiming(loaded.pack, playback, talk.view.value.chapterStarts, {
    load: () => calibration.getValue(),
    save: (r) => calibration.setValue(r),
    watch: (cb) => calibration.watch(cb),
  });
  life.addEventListener('abort', () => timing.dispose(), { once: true });
  const searchInput: { current: HTMLInputElement | null } = { current: null };
  const models: PanelModels = {
    i18n,
    talk,
    playback,
    timing,
    settings,
    ui: createUiModel(),
    page: { mode, status },
    io: {
      download(filename, mime, text) {
        const a = doc.createElement('a');
        a.href = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
        a.download = filename;
        ui.shadow.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      },
      copy: (text) => win.navigator.clipboard.writeText(text),
    },
  };

  measured('first-render', () =>
    render(
      <Models.Provider value={models}>
        <Panel searchInput={searchInput} />
      </Models.Provider>,
      ui.container,
    ),
  );
  const cleanups: (() => void)[] = [() => render(null, ui.container), () => ui.remove()];
  life.addEventListener('abort', () => cleanups.splice(0).forEach((f) => f()), { once: true });

  installShortcuts([win, ui.shadow], models, () => requestAnimationFrame(() => searchInput.current?.focus()), life);

  // Traditional script: fetched once, only when chosen.
  cleanups.push(
    effect(() => {
      if (!wantHant.value || talk.hant.peek()) return;
      const start = performance.now();
      fetch(deps.url('/talk.zh-Hant.json'))
        .then((r) => r.json() as Promise<unknown>)
        .then((json) => {
          if (life.aborted) return;
          talk.hant.value = applyHant(loaded.pack, json);
          // Read by the bench: when and how long the Traditional text took to arrive.
          performance.measure('companion:hant-load', { start, end: performance.now() });
        })
        .catch((err: unknown) => console.warn('[companion] Traditional text unavailable', err));
    }),
  );

  // Part duration and cid from the bridge; then Bilibili's own subtitles, if the user has them.
  cleanups.push(
    effect(() => {
      const st = hub.state.value;
      const part = st && st.bvid === bvid ? st.pages.find((x) => x.page === p) : undefined;
      if (part) timing.pageDuration.value = part.duration;
    }),
  );
  let subtitlesTried = false;
  cleanups.push(
    effect(() => {
      const st = hub.state.value;
      const duration = playback.duration.value;
      if (subtitlesTried || !st || st.bvid !== bvid || st.p !== p || !st.cid || duration <= 0) return;
      subtitlesTried = true;
      void loadSubtitles(win, life, st.cid, duration, loaded, timing.aligned);
    }),
  );

  // Term cards live inside the player (a second host); only while enabled.
  let card: ShadowUi | null = null;
  const cardWanted = computed(() => settings.settings.value.termCards);
  let mediaStop: AbortController | null = null;
  let timeout = 0;
  const waitForPlayer = (): void => {
    clearTimeout(timeout);
    timeout = win.setTimeout(() => {
      if (status.peek() === 'waiting') status.value = 'not-found';
    }, PLAYER_TIMEOUT_MS);
  };
  waitForPlayer();
  cleanups.push(() => clearTimeout(timeout));

  // Placement is re-resolved only when something that decides it changed, or the host was
  // detached (Bilibili re-rendered the column): a tick is a few property reads otherwise.
  let placedKey = '';
  const place = (state: PageState): void => {
    const immersive = isImmersive(state.mode);
    const floating = settings.settings.value.panelPosition === 'floating';
    const key = `${immersive}|${floating}|${status.value}|${state.media ? 1 : 0}`;
    if (card && state.container) ensurePlaced(card.host, state.container, null, true);
    if (key === placedKey && ui.host.isConnected) return;
    if (immersive && state.container) ensurePlaced(ui.host, state.container, null, true);
    else if (floating) ensurePlaced(ui.host, doc.body, null, true);
    // Beside the player only once the column and the media exist (inserting early has made
    // Bilibili reload); the empty #bilibili-player placeholder is not a player yet.
    else if (state.media || status.value === 'not-found') {
      if (!placeInColumn(ui.host, doc) && status.value === 'not-found') ensurePlaced(ui.host, doc.body, null, true);
    }
    if (ui.host.isConnected) placedKey = key;
  };

  let attached: Element | null = null;
  // The panel is as tall as the player beside it (Bilibili resizes the player with the window).
  let sized: Element | null = null;
  const sizer = new ResizeObserver(([entry]) => {
    if (entry) ui.host.style.setProperty('--panel-h', `${Math.max(360, Math.round(entry.contentRect.height))}px`);
  });
  cleanups.push(() => sizer.disconnect());
  const tick = watchPage(doc, life, (state, changed) => {
    if (changed) {
      mode.value = state.mode;
      if (state.container !== sized) {
        sizer.disconnect();
        sized = state.container;
        if (sized) sizer.observe(sized);
      }
      if (state.media?.el !== attached) {
        mediaStop?.abort();
        mediaStop = null;
        attached = state.media?.el ?? null;
        hub.bwp.current = null;
        if (state.media) {
          mediaStop = new AbortController();
          const handle =
            state.media.kind === 'video' ? videoHandle(state.media.el) : (hub.bwp.current = bwpHandle(state.media.el, hub.client));
          playback.attach(handle, mediaStop.signal);
          status.value = 'ready';
          clearTimeout(timeout);
        } else {
          // The player went away mid-session (part switch, re-render): wait again, then say so.
          status.value = 'waiting';
          waitForPlayer();
        }
      }
    }
    place(state);
  });
  cleanups.push(() => mediaStop?.abort());
  // Settings that move the panel take effect at once, not on the next DOM mutation.
  cleanups.push(
    effect(() => {
      void settings.settings.value.panelPosition;
      void status.value;
      tick();
    }),
  );
  cleanups.push(
    effect(() => {
      if (cardWanted.value && !card) {
        const c = (card = deps.createUi(uniqueName('talk-companion-card')));
        render(
          <Models.Provider value={models}>
            <TermCard />
          </Models.Provider>,
          c.container,
        );
        c.host.dataset.layer = 'card';
        tick();
      } else if (!cardWanted.value && card) {
        render(null, card.container);
        card.remove();
        card = null;
      }
    }),
    () => {
      if (card) {
        render(null, card.container);
        card.remove();
      }
    },
  );
}

async function loadSubtitles(
  win: Window,
  life: AbortSignal,
  cid: number,
  duration: number,
  loaded: LoadedPack,
  aligned: Signal<readonly number[] | null>,
): Promise<void> {
  const { bvid, p } = TALK;
  const cache = subtitleCacheItem(bvid, p);
  const { pack } = loaded;
  const sources = pack.segments.map((s) => pack.raw.slice(s.span[0], s.span[1]));
  let cues = null as { from: number; to: number; text: string }[] | null;
  try {
    const hit = await cache.getValue();
    const fresh = hit && hit.v === 1 && hit.cid === cid && Date.now() - hit.fetchedAt < SUBTITLE_CACHE_DAYS * 86_400_000;
    if (fresh && Array.isArray(hit.cues)) cues = hit.cues;
  } catch {
    cues = null;
  }
  if (!cues) {
    const result = await fetchSubtitleCues({ bvid, cid, duration, fetch: win.fetch.bind(win), signal: life });
    if (life.aborted) return;
    if (!result.ok) {
      // Logged out / no track is the normal case; anything else deserves one line in the console.
      if (result.reason !== 'none') console.warn(`[companion] subtitles ignored (${result.reason}): ${result.detail ?? ''}`);
      return;
    }
    cues = result.cues;
    void cache.setValue({ v: 1, cid, lan: result.lan, fetchedAt: Date.now(), cues }).catch(() => undefined);
  }
  const units = pack.segments.map((s, i) => ({ source: sources[i] ?? '', speaker: s.speaker }));
  const known = alignCues(sources, cues);
  if (known.every((k) => k === null)) return;
  aligned.value = fillGaps(known, estimateStarts(units, duration), duration);
}
