/**
 * The panel on the talk's page: models, views, placement beside the player (or inside it in
 * (web-)fullscreen), the media clock, Traditional text on demand, subtitles, term cards.
 * Everything it starts ends with `life`.
 */
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import { isImmersive, type ScreenMode } from '../../bilibili/dom';
import { bwpHandle, videoHandle } from '../../bilibili/media';
import { ensurePlaced, watchPage, type PageState } from '../../bilibili/page-watcher';
import { TALK } from '../../bilibili/route';
import type { LoadedPack } from '../../lib/pack/bundle';
import { Models, type PageStatus, type PanelModels } from '../views/context';
import { createI18n, type I18n } from '../i18n';
import { PANEL_MESSAGES } from '../i18n/messages';
import { createPlayback } from '../models/playback';
import type { createSettingsModel } from '../models/settings';
import { calibrationItem } from '../models/storage';
import { createTalkModel } from '../models/talk';
import { createTiming } from '../models/timing';
import { createUiModel } from '../models/ui';
import { Panel } from '../views/Panel';
import { measured, measureSince } from '../dom/perf';
import { placeInColumn, showInColumn, uniqueName, type BridgeHub, type Deps } from './column';
import type { ShadowUi } from '../dom/shadow-host';
import { lazy } from '../views/lazy';
import { LoadError } from '../views/LoadError';
import { installShortcuts } from './shortcuts';
import { loadSubtitles } from './subtitle-sync';

const TermCard = lazy(() => import('../views/terms/TermCard').then((m) => ({ view: m.TermCard, css: m.css })));

/** How long to wait for Bilibili's player before saying so. */
const PLAYER_TIMEOUT_MS = 15_000;

function showLoadError(deps: Deps, life: AbortSignal, i18n: I18n, detail: string): void {
  console.warn('[companion] talk data could not be loaded', detail);
  showInColumn(deps, life, 'talk-companion', <LoadError i18n={i18n} detail={detail} />);
}

export async function mountPanel(
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
    PANEL_MESSAGES,
  );
  const status = signal<PageStatus>('waiting');
  const mode = signal<ScreenMode>('normal');

  // The strings' chunk loads alongside the talk data.
  const strings = i18n.ready();
  let loaded: LoadedPack;
  try {
    loaded = await loadPack();
    await strings;
  } catch (err) {
    await strings;
    if (!life.aborted) showLoadError(deps, life, i18n, String(err));
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
  const models: PanelModels = {
    i18n,
    talk,
    playback,
    timing,
    settings,
    ui: createUiModel(),
    page: { mode, status, immersive: computed(() => isImmersive(mode.value)) },
    io: { copy: (text) => win.navigator.clipboard.writeText(text) },
    life,
  };

  measured('first-render', () =>
    render(
      <Models.Provider value={models}>
        <Panel />
      </Models.Provider>,
      ui.container,
    ),
  );
  const cleanups: (() => void)[] = [() => render(null, ui.container), () => ui.remove()];
  life.addEventListener('abort', () => cleanups.splice(0).forEach((f) => f()), { once: true });

  installShortcuts([win, ui.shadow], models, life);

  // Traditional script: fetched once, only when chosen (toggling while it loads does not fetch again).
  let hantLoad: Promise<void> | null = null;
  cleanups.push(
    effect(() => {
      if (!wantHant.value || talk.hant.peek() || hantLoad) return;
      const start = performance.now();
      hantLoad = Promise.all([
        import('../../lib/pack/hant'),
        fetch(deps.url('/talk.zh-Hant.json')).then((r) => r.json() as Promise<unknown>),
      ])
        .then(([{ applyHant }, json]) => {
          if (life.aborted) return;
          talk.hant.value = applyHant(loaded.pack, json);
          // Read by the bench: when and how long the Traditional text took to arrive.
          measureSince('hant-load', start);
        })
        .catch((err: unknown) => {
          hantLoad = null;
          console.warn('[companion] Traditional text unavailable', err);
        });
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
      loadSubtitles(win, life, st.cid, duration, loaded, timing.aligned).catch((err: unknown) =>
        console.warn('[companion] subtitles failed', err),
      );
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
