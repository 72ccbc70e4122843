import { effect, useComputed } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Segment } from '../../../lib/pack/types';
import { clock } from '../../../lib/time-format';
import { useModels } from '../context';
import { closestInPath } from '../../dom/find-target';
import { chapterHead, lineElement, section, speakerChip, type LineOptions } from './Line';
import { lazy } from '../lazy';

const LineMenu = lazy(() => import('./LineMenu').then((m) => ({ view: m.LineMenu, css: m.css })));

interface Group {
  speaker: string;
  chapter: number | null;
  items: { seg: Segment; index: number }[];
}

/** Consecutive lines of one speaker form a group; a chapter start always opens a new one. */
function groupLines(segments: readonly Segment[], chapterStarts: readonly number[]): Group[] {
  const starts = new Map(chapterStarts.map((s, c) => [s, c]));
  const groups: Group[] = [];
  segments.forEach((seg, index) => {
    const chapter = starts.get(index) ?? null;
    const last = groups[groups.length - 1];
    if (!last || chapter !== null || last.speaker !== seg.speaker) groups.push({ speaker: seg.speaker, chapter, items: [] });
    (groups[groups.length - 1] as Group).items.push({ seg, index });
  });
  return groups;
}

const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

export function TranscriptView({ hidden }: { hidden: boolean }) {
  const m = useModels();
  const { i18n, talk, timing, playback, settings, ui } = m;
  const { t } = i18n;
  const listRef = useRef<HTMLDivElement>(null);
  const view = talk.view.value;
  const s = settings.settings.value;
  const starts = timing.timeline.value.starts;
  const groups = useMemo(() => groupLines(view.pack.segments, view.chapterStarts), [view]);
  const following = useComputed(() => settings.settings.value.follow && !ui.followPaused.value);

  const current = useRef<HTMLElement | null>(null);
  const lineEls = useRef<HTMLElement[]>([]);
  const toggled = ui.originalToggled.value;
  const hant = talk.useHant.value;

  /** Move the highlight (O(1): the old line and the new one) and, when following, centre it. */
  const highlight = (i: number, follow: boolean): void => {
    const list = listRef.current;
    const line = lineEls.current[i] ?? null;
    if (current.current !== line) {
      current.current?.removeAttribute('aria-current');
      line?.setAttribute('aria-current', 'true');
      current.current = line;
    }
    if (follow && list && line) {
      const top = line.offsetTop - list.clientHeight / 2 + line.offsetHeight / 2;
      list.scrollTo({ top: Math.max(0, top), behavior: reducedMotion() ? 'auto' : 'smooth' });
    }
  };

  // The lines are built as DOM (see Line.tsx for why), rebuilt only when what they show changes.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const doc = list.ownerDocument;
    const o: LineOptions = {
      lang: s.transcriptLanguage,
      marks: s.termMarks,
      seekLabel: (time) => t('seekTo', { time }),
      originalLabel: t('originalLabel'),
      uncertainLabel: (note) => t('uncertain', { note }),
      uncertainMark: t('uncertainMark'),
      moreLabel: t('lineActions'),
    };
    const frag = doc.createDocumentFragment();
    const els: HTMLElement[] = [];
    for (const g of groups) {
      const box = section(doc);
      const first = g.items[0]?.index ?? 0;
      const chapter = g.chapter === null ? null : view.pack.chapters[g.chapter];
      if (chapter) {
        const time = clock(starts[first] ?? 0);
        box.append(chapterHead(doc, chapter, first, time, o.lang === 'en' ? chapter.titleEn : chapter.title, t('seekTo', { time })));
      }
      if (s.speakerLabels) {
        const sp = view.speakers.get(g.speaker);
        const en = o.lang === 'en';
        box.append(speakerChip(doc, g.speaker, (en ? sp?.nameEn : sp?.name) ?? g.speaker, en ? sp?.noteEn : sp?.note));
      }
      for (const { seg, index } of g.items) {
        const line = lineElement(
          doc,
          {
            seg,
            time: clock(starts[index] ?? 0),
            zh: view.runsZh(index),
            en: () => view.runsEn(index),
            source: view.source(seg),
            showOriginal: s.showOriginal !== toggled.has(index),
          },
          o,
        );
        els.push(line);
        box.append(line);
      }
      frag.append(box);
    }
    list.replaceChildren(frag);
    lineEls.current = els;
    // An open line menu points at a line that no longer exists.
    if (ui.menuFor.peek() >= 0) ui.menuFor.value = -1;
    current.current = null;
    highlight(timing.active.peek(), false);
  }, [view, starts, groups, s.transcriptLanguage, s.termMarks, s.speakerLabels, s.showOriginal, toggled, hant, i18n.locale.value]);

  // Follow the active segment: runs only when the index (or follow state) changes. A plain
  // effect, not useSignalEffect (which defers to the next animation frame): a seek's
  // highlight lands in the same task as `seeked`.
  useEffect(
    () =>
      effect(() => {
        highlight(timing.active.value, following.value && ui.tab.value === 'transcript' && !ui.collapsed.value);
      }),
    [],
  );

  const pauseFollow = (): void => {
    if (!ui.followPaused.value) ui.followPaused.value = true;
  };

  const onClick = (event: MouseEvent): void => {
    const list = listRef.current;
    if (!list) return;
    // Term clicks open the popover at the panel root (one handler for transcript and overlay).
    if (closestInPath(event, '[data-term-id]', list)) return;
    if (closestInPath(event, '.line-menu, .orig', list)) return;
    const more = closestInPath(event, '.more', list);
    const line = closestInPath(event, '.line', list);
    if (!line) {
      const head = closestInPath(event, '[data-chapter-head]', list);
      if (head) playback.seek(timing.timeline.value.starts[Number(head.dataset.start)] ?? 0);
      return;
    }
    const index = view.indexOf.get(line.dataset.segmentId ?? '') ?? -1;
    if (index < 0) return;
    if (more) {
      ui.menuFor.value = ui.menuFor.value === index ? -1 : index;
      return;
    }
    const selection = (list.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return; // a text selection, not a click
    ui.followPaused.value = false;
    playback.seek(timing.timeline.value.starts[index] ?? 0);
  };

  const onPointerUp = (): void => {
    const list = listRef.current;
    const root = list?.getRootNode() as (ShadowRoot & { getSelection?: () => Selection | null }) | undefined;
    const selection = root?.getSelection?.() ?? getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) pauseFollow();
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (['PageUp', 'PageDown', 'Home', 'End'].includes(event.key)) pauseFollow();
  };

  return (
    <div class="transcript" hidden={hidden}>
      <div
        ref={listRef}
        class={`lines lang-${s.transcriptLanguage}`}
        lang={s.transcriptLanguage === 'en' ? 'en' : hant ? 'zh-Hant' : 'zh-CN'}
        onClick={onClick}
        onWheel={pauseFollow}
        onTouchMove={pauseFollow}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          // A press on the list's own scrollbar (not on a line) is a manual scroll.
          if (e.target === listRef.current) pauseFollow();
        }}
      />
      {/* lines: built in the layout effect above; Preact owns no children here */}
      {ui.menuFor.value >= 0 ? <LineMenu list={listRef} /> : null}
      {following.value || hidden ? null : (
        <button
          type="button"
          class="back-to-now"
          onClick={() => {
            ui.followPaused.value = false;
          }}
        >
          {t('backToNow')}
        </button>
      )}
    </div>
  );
}
