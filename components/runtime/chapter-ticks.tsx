/**
 * Chapter ticks over Bilibili's progress bar (a chunk: chapter-ticks-loader.ts fetches it). The
 * overlay is a shadow host of its own at the end of <html>: outside every Bilibili subtree (foreign
 * nodes in the player have made Bilibili re-render or reload) and outside <body>, whose transform
 * or filter would move fixed children. It is placed from the bar's measured box, never hit-tested,
 * and hidden whenever the bar cannot be trusted: missing, implausible geometry, covered by
 * something else, the controls hidden, the duration unknown, mini player, or true fullscreen
 * (outside the fullscreen element nothing is drawn anyway).
 *
 * Measured when something can have moved the bar: its or the player's size (ResizeObserver),
 * window resize and scroll, fullscreen, the player's attributes (screen mode, controls hidden),
 * the chapters or the duration; other page changes at most every SETTLE_MS. Nothing runs per
 * frame while nothing changes.
 */
import { computed, signal, untracked, type ReadonlySignal } from '@preact/signals';
import { render } from 'preact';
import { controlsHidden } from '../../bilibili/controls';
import { findProgressBar } from '../../bilibili/dom';
import { ensurePlaced, type PageState } from '../../bilibili/page-watcher';
import { chapterTicks, plausibleBar, type Box } from '../../lib/chapter-ticks';
import { childOf, effectFor, onEnd } from '../dom/lifetime';
import { createShadowUi } from '../dom/shadow-host';
import type { PanelModels } from '../views/context';
import { ChapterTicks, css, type TickLayout } from '../views/ticks/ChapterTicks';
import { uniqueName } from './column';

/** Page changes (re-renders, layout shifts) re-measure at most this often. */
const SETTLE_MS = 200;

export type TicksPart = (state: PageState, changed: boolean) => void;

/** Ticks while the setting is on (live); returns what follows the page watcher's ticks. */
export function showChapterTicks(win: Window, models: PanelModels): TicksPart {
  const { playback, timing, talk, settings, uploaderChapters } = models;
  const wanted = computed(() => settings.settings.value.chapterTicks);
  // The chapters the chapters tab shows (ChapterList.tsx): the uploader's when they exist and were picked.
  const starts = computed(() => {
    const uploader = uploaderChapters.value;
    if (uploader.length > 0 && settings.settings.value.chapterSource === 'uploader') return uploader.map((c) => c.start);
    const s = timing.timeline.value.starts;
    return talk.view.value.chapterStarts.map((i) => s[i] ?? 0);
  });
  let page: PageState | null = null;
  let on: AbortController | null = null;
  let follow: ((changed: boolean) => void) | null = null;
  effectFor(models.life, () => {
    if (!wanted.value) {
      on?.abort();
      on = follow = null;
    } else if (!on) {
      const life = (on = childOf(models.life)).signal;
      follow = untracked(() => overlay(win, life, starts, playback.duration, () => page));
    }
  });
  return (state, changed) => {
    page = state;
    follow?.(changed);
  };
}

const boxOf = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });

function overlay(
  win: Window,
  life: AbortSignal,
  starts: ReadonlySignal<readonly number[]>,
  duration: ReadonlySignal<number>,
  page: () => PageState | null,
): (changed: boolean) => void {
  const doc = win.document;
  const layout = signal<TickLayout | null>(null);
  const ui = createShadowUi(doc, uniqueName('talk-companion-ticks'), css);
  ui.host.setAttribute('aria-hidden', 'true');
  ui.host.dataset.layer = 'ticks';
  render(<ChapterTicks layout={layout} />, ui.container);
  onEnd(
    life,
    () => render(null, ui.container),
    () => ui.remove(),
  );

  let frame = 0;
  let timer = 0;
  const schedule = (): void => {
    if (!frame && !life.aborted) frame = win.requestAnimationFrame(measure);
  };
  const settle = (): void => {
    if (!timer && !life.aborted)
      timer = win.setTimeout(() => {
        timer = 0;
        schedule();
      }, SETTLE_MS);
  };

  // The bar and the player being watched; re-found when the page replaced either.
  let bar: HTMLElement | null = null;
  let player: HTMLElement | null = null;
  const sizes = new ResizeObserver(schedule);
  const attributes = new MutationObserver(schedule);
  const watch = (): void => {
    const st = page();
    const p = st?.media ? st.container : null;
    const b = p?.isConnected ? findProgressBar(p) : null;
    if (b === bar && p === player) return;
    sizes.disconnect();
    attributes.disconnect();
    bar = b;
    player = p;
    if (!b || !p) return;
    sizes.observe(b);
    sizes.observe(p);
    // The player's own attributes only (screen mode, controls hidden): not its busy subtree.
    attributes.observe(p, { attributes: true });
  };

  const place = (): TickLayout | null => {
    const d = duration.value;
    const mode = page()?.mode;
    if (!bar || !player || !bar.isConnected || !(d > 0) || mode === 'full' || mode === 'mini' || doc.fullscreenElement) return null;
    if (controlsHidden(player)) return null;
    const box = boxOf(bar.getBoundingClientRect());
    if (!plausibleBar(box, boxOf(player.getBoundingClientRect()), { width: win.innerWidth, height: win.innerHeight })) return null;
    // Something else over the bar's middle (a header, a dialog): not the bar the user sees.
    const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!hit || !player.contains(hit)) return null;
    return { box, ticks: chapterTicks(starts.value, d, box.width) };
  };

  let shown = '';
  function measure(): void {
    frame = 0;
    if (life.aborted) return;
    watch();
    ensurePlaced(ui.host, doc.documentElement, null, true);
    const next = place();
    // Scroll and resize measure often; the view re-renders only when something moved.
    const key = JSON.stringify(next);
    if (key !== shown) {
      shown = key;
      layout.value = next;
    }
  }

  win.addEventListener('resize', schedule, { signal: life });
  win.addEventListener('scroll', schedule, { signal: life, capture: true, passive: true });
  doc.addEventListener('fullscreenchange', schedule, { signal: life });
  effectFor(life, () => {
    void starts.value;
    void duration.value;
    schedule();
  });
  onEnd(life, () => {
    sizes.disconnect();
    attributes.disconnect();
    win.cancelAnimationFrame(frame);
    win.clearTimeout(timer);
  });
  return (changed) => (changed ? schedule() : settle());
}
