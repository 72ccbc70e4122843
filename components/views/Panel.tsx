import { useComputed, useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { clock } from '../../lib/time-format';
import { useModels } from './context';
import { closestInPath } from '../dom/find-target';
import { ExportMenu } from './export/ExportMenu';
import type { MessageKey } from '../i18n';
import { lazy } from './lazy';
import type { Tab } from '../models/ui';
import { TimingBar } from './TimingBar';
import { TranscriptView } from './transcript/TranscriptView';

// What a page load may never need is fetched when first shown (see lazy.ts).
const ChapterList = lazy(() => import('./chapters/ChapterList').then((m) => ({ view: m.ChapterList, css: m.css })));
const GlossaryView = lazy(() => import('./terms/GlossaryView').then((m) => ({ view: m.GlossaryView, css: m.css })));
const SearchView = lazy(() => import('./search/SearchView').then((m) => ({ view: m.SearchView, css: m.css })));
const Overlay = lazy(() => import('./overlay/Overlay').then((m) => ({ view: m.Overlay, css: m.css })));
const TermPopover = lazy(() => import('./terms/TermPopover').then((m) => ({ view: m.TermPopover, css: m.css })));

const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'transcript', label: 'tabTranscript' },
  { id: 'chapters', label: 'tabChapters' },
  { id: 'glossary', label: 'tabGlossary' },
  { id: 'search', label: 'tabSearch' },
];

/** The panel root: role=complementary, beside the player or inside it in (web-)fullscreen. */
export function Panel() {
  const m = useModels();
  const { i18n, playback, settings, ui, page, timing } = m;
  const { t } = i18n;
  const rootRef = useRef<HTMLDivElement>(null);
  const s = settings.settings.value;
  const timeText = useComputed(() => clock(playback.time.value));
  const notStarted = useComputed(() => timing.active.value < 0);
  const immersive = page.immersive.value;
  const compact = immersive && s.compactOverlay && !ui.overlayExpanded.value;
  const tab = ui.tab.value;

  // Close the popover and menus on a press outside them.
  useSignalEffect(() => {
    const root = rootRef.current;
    if (!root || (!ui.popover.value && ui.menuFor.value < 0)) return;
    const onDown = (e: PointerEvent): void => {
      const path = e.composedPath();
      const inside = (sel: string): boolean => path.some((n) => n instanceof HTMLElement && n.matches(sel));
      if (ui.popover.value && !inside('.popover, [data-term-id]')) ui.popover.value = null;
      if (ui.menuFor.value >= 0 && !inside('.line-menu, .more')) ui.menuFor.value = -1;
    };
    root.addEventListener('pointerdown', onDown);
    return () => root.removeEventListener('pointerdown', onDown);
  });

  useSignalEffect(() => {
    if (!ui.toast.value) return;
    const id = setTimeout(() => (ui.toast.value = ''), 1800);
    return () => clearTimeout(id);
  });

  const onTabKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const at = TABS.findIndex((x) => x.id === tab);
    const next = TABS[(at + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    ui.tab.value = next.id;
    rootRef.current?.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  };

  const status = page.status.value;
  const ready = status === 'ready';

  return (
    <div
      ref={rootRef}
      class={`panel mode-${immersive ? 'immersive' : 'normal'} pos-${s.panelPosition}${compact ? ' compact' : ''}${ui.collapsed.value ? ' collapsed' : ''}`}
      role="complementary"
      aria-label={t('panelLabel')}
      lang={i18n.locale.value}
      data-theme={s.theme === 'auto' ? undefined : s.theme}
      style={{ '--fs': `${s.fontSize}px` }}
      onClick={(e) => {
        const term = rootRef.current && closestInPath(e, '[data-term-id]', rootRef.current);
        if (term) ui.popover.value = { termId: term.dataset.termId ?? '', opener: term };
      }}
    >
      {compact ? (
        <Overlay />
      ) : (
        <>
          <header class="head">
            <h2 class="title">{t('title')}</h2>
            <span class="time" role="timer" aria-label={t('timeReadout')} data-time-readout>
              {timeText}
            </span>
            <span class="spacer" />
            {ready ? <ExportMenu /> : null}
            {immersive ? (
              <button type="button" class="icon" aria-label={t('collapse')} onClick={() => (ui.overlayExpanded.value = false)}>
                ▾
              </button>
            ) : (
              <button
                type="button"
                class="icon"
                aria-expanded={!ui.collapsed.value}
                aria-label={ui.collapsed.value ? t('expand') : t('collapse')}
                onClick={() => (ui.collapsed.value = !ui.collapsed.value)}
              >
                {ui.collapsed.value ? '▸' : '▾'}
              </button>
            )}
          </header>
          {ui.collapsed.value && !immersive ? null : (
            <>
              {status === 'waiting' ? <p class="state">{t('waitingPlayer')}</p> : null}
              {status === 'not-found' ? (
                <p class="state error" role="alert">
                  {t('playerNotFound')}
                </p>
              ) : null}
              <div class="tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onTabKey}>
                {TABS.map((x) => (
                  <button
                    key={x.id}
                    type="button"
                    role="tab"
                    data-tab={x.id}
                    aria-selected={tab === x.id}
                    tabIndex={tab === x.id ? 0 : -1}
                    onClick={() => (ui.tab.value = x.id)}
                  >
                    {t(x.label)}
                  </button>
                ))}
              </div>
              <div class="views" role="tabpanel" aria-label={t(TABS.find((x) => x.id === tab)?.label ?? 'tabTranscript')}>
                <TranscriptView hidden={tab !== 'transcript'} />
                {tab === 'chapters' ? <ChapterList /> : null}
                {tab === 'glossary' ? <GlossaryView /> : null}
                {tab === 'search' ? <SearchView /> : null}
              </div>
              <TimingBar />
              <p class="note">{t('speakersInferred')}</p>
              {notStarted.value ? <p class="note">{t('notStarted')}</p> : null}
            </>
          )}
        </>
      )}
      {ui.popover.value ? <TermPopover container={rootRef} /> : null}
      {ui.toast.value ? (
        <div class="toast" role="status">
          {ui.toast.value}
        </div>
      ) : null}
    </div>
  );
}
