import { useComputed } from '@preact/signals';
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
  const { settings, uploaderChapters } = useModels();
  const { t } = useViewI18n();
  const uploader = uploaderChapters.value;
  const source = uploader.length > 0 ? settings.settings.value.chapterSource : 'talk';
  return (
    <>
      {uploader.length > 0 ? (
        // A second source only when the uploader published chapters for this part.
        <div class="chapter-source" role="group" aria-label={t('chapterSource')}>
          {(['talk', 'uploader'] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={source === s ? 'true' : 'false'}
              data-source={s}
              onClick={() => void settings.update({ chapterSource: s })}
            >
              {t(s === 'talk' ? 'chapterSourceTalk' : 'chapterSourceUploader')}
            </button>
          ))}
        </div>
      ) : null}
      {source === 'uploader' ? <UploaderList chapters={uploader} /> : <TalkChapters />}
    </>
  );
}

function TalkChapters() {
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

/** The uploader's chapters: their own times (Bilibili's, already on the video's clock) and titles, as written. */
function UploaderList({ chapters }: { chapters: readonly { start: number; end: number; title: string }[] }) {
  const { playback } = useModels();
  const { t } = useViewI18n();
  // Re-renders when the current chapter changes, not on every frame.
  const current = useComputed(() => {
    const now = playback.time.value;
    return chapters.findIndex((c) => now >= c.start && now < c.end);
  }).value;
  return (
    <ol class="chapters" aria-label={t('chaptersLabel')} data-source="uploader">
      {chapters.map((c, k) => {
        const isCurrent = k === current;
        return (
          <li
            key={k}
            data-uploader-chapter={k}
            class={isCurrent ? 'current' : undefined}
            aria-current={isCurrent ? 'true' : undefined}
            onClick={(e) => {
              if (!selecting(e.currentTarget)) playback.seek(c.start);
            }}
          >
            <button type="button" class="chapter-btn">
              <span class="ts">{clock(c.start)}</span>
              <span class="chapter-title">{c.title}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
