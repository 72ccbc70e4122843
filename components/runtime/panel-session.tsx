/**
 * The panel on the talk's page, as a table of contents: models, the view, then the parts that
 * follow the page (media, placement, term cards, chapter ticks), Traditional text on demand and Bilibili's
 * subtitles. Every part takes `life`; everything it starts ends with it.
 */
import { computed, signal, type Signal } from '@preact/signals';
import { render } from 'preact';
import { isImmersive, type ScreenMode } from '../../bilibili/dom';
import { watchPage } from '../../bilibili/page-watcher';
import { TALK } from '../../bilibili/route';
import type { UploaderChapter } from '../../bilibili/view-points';
import type { LoadedPack } from '../../lib/pack/bundle';
import { timedUnits } from '../../lib/pack/source';
import { effectFor, onEnd } from '../dom/lifetime';
import { measured } from '../dom/perf';
import { createI18n, type I18n } from '../i18n';
import { PANEL_MESSAGES } from '../i18n/messages';
import { createPlayback } from '../models/playback';
import type { SettingsModel } from '../models/settings';
import { calibrationItem } from '../models/storage';
import { createTalkModel } from '../models/talk';
import { createTiming } from '../models/timing';
import { createUiModel } from '../models/ui';
import { Models, type PageStatus, type PanelModels } from '../views/context';
import { Panel } from '../views/Panel';
import { chapterTicksWhenWanted } from './chapter-ticks-loader';
import { uniqueName, type BridgeHub, type Deps } from './column';
import { loadHantWhenChosen } from './hant-loader';
import { followMedia } from './media-follower';
import { createPlacer } from './placement';
import { lazyListenModel } from './listen-model';
import { installShortcuts } from './shortcuts';
import { termCardHost } from './term-card-host';

function showLoadError(deps: Deps, life: AbortSignal, i18n: I18n, detail: string): void {
  console.warn('[companion] talk data could not be loaded', detail);
  // Rare by design, so its view and the column helper that shows it are a chunk (fetched from the
  // extension, which is still there): a load that works carries neither.
  void import('./load-error').then(
    (m) => !life.aborted && m.showLoadError(deps, life, i18n, detail),
    (err: unknown) => console.warn('[companion] load error view unavailable', err),
  );
}

export async function mountPanel(
  deps: Deps,
  life: AbortSignal,
  hub: BridgeHub,
  loadPack: () => Promise<LoadedPack>,
  settings: SettingsModel,
): Promise<void> {
  const { win } = deps;
  const current = settings.settings;
  const i18n = createI18n(
    computed(() => current.value.uiLanguage),
    win.navigator.language,
    PANEL_MESSAGES,
  );

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

  // Models.
  const status = signal<PageStatus>('waiting');
  const mode = signal<ScreenMode>('normal');
  const wantHant = computed(() => current.value.chineseScript === 'traditional');
  const talk = createTalkModel(loaded, wantHant);
  const playback = createPlayback();
  const calibration = calibrationItem(TALK.bvid, TALK.p);
  const uploaderChapters = signal<readonly UploaderChapter[]>([]);
  const timing = createTiming(loaded.pack, playback, talk.view.value.chapterStarts, {
    load: () => calibration.getValue(),
    save: (r) => calibration.setValue(r),
    watch: (cb) => calibration.watch(cb),
  });
  onEnd(life, () => timing.dispose());
  const mediaEl = signal<Element | null>(null);
  const duration = computed(() => playback.duration.value || timing.pageDuration.value);
  const listen = lazyListenModel({
    win,
    life,
    enabled: computed(() => current.value.listenToAlign),
    units: timedUnits(loaded.pack),
    duration,
    timing,
    media: mediaEl,
  });
  const models: PanelModels = {
    i18n,
    talk,
    playback,
    timing,
    settings,
    ui: createUiModel(),
    page: { mode, status, immersive: computed(() => isImmersive(mode.value)) },
    io: { copy: (text) => win.navigator.clipboard.writeText(text) },
    uploaderChapters,
    listen,
    life,
  };

  // The view, in its own shadow host.
  const ui = deps.createUi(uniqueName('talk-companion'));
  measured('first-render', () =>
    render(
      <Models.Provider value={models}>
        <Panel />
      </Models.Provider>,
      ui.container,
    ),
  );
  onEnd(
    life,
    () => render(null, ui.container),
    () => ui.remove(),
  );
  installShortcuts([win, ui.shadow], models, life);

  loadHantWhenChosen(deps, life, loaded, talk, wantHant);
  followBridge(life, hub, loaded, timing, playback.duration, win, uploaderChapters);

  // The page: media, placement and term cards follow one watcher.
  const media = followMedia(win, life, hub, playback, status);
  const place = createPlacer(ui, win.document, life, () => ({
    floating: current.value.panelPosition === 'floating',
    status: status.value,
  }));
  let tick = (): void => undefined;
  const card = termCardHost(
    deps,
    life,
    models,
    computed(() => current.value.termCards),
    () => tick(),
  );
  const ticks = chapterTicksWhenWanted(win, models);
  tick = watchPage(win.document, life, (state, changed) => {
    if (changed) {
      mode.value = state.mode;
      mediaEl.value = state.media?.el ?? null;
      media(state);
    }
    card(state);
    place(state);
    ticks(state, changed);
  });
  // Settings that move the panel take effect at once, not on the next DOM mutation (any setting
  // re-runs this: turning the ticks on reaches their loader too).
  effectFor(life, () => {
    void current.value.panelPosition;
    void status.value;
    tick();
  });
}

/** Part duration and cid from the bridge; then Bilibili's own subtitles, if the user has them. */
function followBridge(
  life: AbortSignal,
  hub: BridgeHub,
  loaded: LoadedPack,
  timing: PanelModels['timing'],
  duration: PanelModels['playback']['duration'],
  win: Window,
  uploaderChapters: Signal<readonly UploaderChapter[]>,
): void {
  const { bvid, p } = TALK;
  effectFor(life, () => {
    const st = hub.state.value;
    const part = st && st.bvid === bvid ? st.pages.find((x) => x.page === p) : undefined;
    if (part) timing.pageDuration.value = part.duration;
  });
  let tried = false;
  effectFor(life, () => {
    const st = hub.state.value;
    const d = duration.value;
    if (tried || !st || st.bvid !== bvid || st.p !== p || !st.cid || d <= 0) return;
    tried = true;
    const cid = st.cid;
    // Layer 2 is fetched once the part is known, after the panel is interactive: the player call,
    // WBI signing and the track guard are not on the first-render path (scripts/size-report.ts
    // counts this chunk in "talk page per visit").
    import('./subtitle-sync')
      .then((m) => m.loadSubtitles(win, life, cid, d, loaded, timing.aligned, uploaderChapters))
      .catch((err: unknown) => console.warn('[companion] subtitles failed', err));
  });
}
