import { clock } from '../../../lib/time-format';
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
export { default as css } from './chapters.css?inline';

/** True while a click ends a text selection made inside `el` (the user is copying, not jumping). */
function selecting(el: HTMLElement): boolean {
  const root = el.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  const sel = root.getSelection?.() ?? document.getSelection();
  return !!sel && !sel.isCollapsed && !!sel.anchorNode && el.contains(sel.anchorNode);
}

/** Chapters with time, title and summary; the current one marked; click to jump. */
export function ChapterList() {
  const { talk, timing, playback, settings } = useModels();
  const { t } = useViewI18n();
  const view = talk.view.value;
  const starts = timing.timeline.value.starts;
  const current = timing.activeChapter.value;
  const mode = settings.settings.value.transcriptLanguage;
  return (
    <ol class="chapters" aria-label={t('chaptersLabel')}>
      {view.pack.chapters.map((c, k) => {
        const start = starts[view.chapterStarts[k] ?? 0] ?? 0;
        const isCurrent = k === current;
        return (
          // The whole card jumps (a click on the summary too); the title stays its one focusable
          // control, and a click that ends a text selection only selects.
          <li
            key={c.id}
            data-chapter-id={c.id}
            class={isCurrent ? 'current' : undefined}
            aria-current={isCurrent ? 'true' : undefined}
            onClick={(e) => {
              if (!selecting(e.currentTarget)) playback.seek(start);
            }}
          >
            <button type="button" class="chapter-btn">
              <span class="ts">{clock(start)}</span>
              <span class="chapter-title">{mode === 'en' ? c.titleEn : c.title}</span>
            </button>
            {mode !== 'en' ? <p class="summary">{c.summary}</p> : null}
            {mode !== 'zh' ? (
              <p class="summary" lang="en">
                {c.summaryEn}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
