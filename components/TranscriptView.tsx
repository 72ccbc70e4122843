import { useComputed, useSignalEffect } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import type { Segment } from '../lib/pack/types';
import { clock } from '../lib/time-format';
import { useModels } from './context';
import { closestInPath } from './find-target';
import { Line } from './Line';

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

  const lineEls = useRef<HTMLElement[]>([]);
  const current = useRef<HTMLElement | null>(null);
  const register = (index: number, el: HTMLElement | null): void => {
    if (el) lineEls.current[index] = el;
  };

  // Highlight and follow: O(1) DOM work per boundary crossing (old line, new line), no re-render.
  useSignalEffect(() => {
    const i = timing.active.value;
    const follow = following.value && ui.tab.value === 'transcript' && !ui.collapsed.value;
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
  });

  const pauseFollow = (): void => {
    if (!ui.followPaused.value) ui.followPaused.value = true;
  };

  const onClick = (event: MouseEvent): void => {
    const list = listRef.current;
    if (!list) return;
    const term = closestInPath(event, '[data-term-id]', list);
    if (term) {
      ui.popover.value = { termId: term.dataset.termId ?? '', opener: term };
      return;
    }
    if (closestInPath(event, '.line-menu, .orig', list)) return;
    const more = closestInPath(event, '.more', list);
    const line = closestInPath(event, '.line', list);
    if (!line) {
      const head = closestInPath(event, '[data-chapter-head]', list);
      if (head) playback.seek(timing.timeline.value.starts[Number(head.dataset.start)] ?? 0);
      return;
    }
    const index = Number(line.dataset.index);
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

  const names = (id: string): string => {
    const sp = view.speakers.get(id);
    return (s.transcriptLanguage === 'en' ? sp?.nameEn : sp?.name) ?? id;
  };

  return (
    <div class="transcript" hidden={hidden}>
      <div
        ref={listRef}
        class={`lines lang-${s.transcriptLanguage}`}
        onClick={onClick}
        onWheel={pauseFollow}
        onTouchMove={pauseFollow}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          // A press on the list's own scrollbar (not on a line) is a manual scroll.
          if (e.target === listRef.current) pauseFollow();
        }}
      >
        {groups.map((g) => {
          const chapter = g.chapter === null ? null : view.pack.chapters[g.chapter];
          const first = g.items[0]?.index ?? 0;
          return (
            <section class="turn" key={first}>
              {chapter ? (
                <h3 class="chapter-head" data-chapter-head={chapter.id} data-start={first}>
                  <button type="button" class="ts" aria-label={t('seekTo', { time: clock(starts[first] ?? 0) })}>
                    {clock(starts[first] ?? 0)}
                  </button>
                  <span>{s.transcriptLanguage === 'en' ? chapter.titleEn : chapter.title}</span>
                </h3>
              ) : null}
              {s.speakerLabels ? <div class={`chip sp-${g.speaker}`}>{names(g.speaker)}</div> : null}
              {g.items.map(({ seg, index }) => (
                <Line key={seg.id} seg={seg} index={index} start={starts[index] ?? 0} register={register} />
              ))}
            </section>
          );
        })}
      </div>
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
