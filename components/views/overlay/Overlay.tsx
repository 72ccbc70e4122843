import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
import { termRuns } from '../transcript/Line';
export { default as css } from './overlay.css?inline';

/** In (web-)fullscreen: the current line and its terms as a compact bar, expandable to the full panel. */
export function Overlay() {
  const { talk, timing, settings, ui } = useModels();
  const { t } = useViewI18n();
  const index = timing.active.value;
  const view = talk.view.value;
  const seg = view.pack.segments[index];
  const mode = settings.settings.value.transcriptLanguage;
  const terms = seg ? [...new Set(view.runsZh(index).flatMap((r) => (r.termId ? [r.termId] : [])))] : [];
  return (
    <div class="overlay" aria-label={t('overlayLabel')} data-overlay>
      <div class="overlay-line" aria-live="off">
        {seg ? (
          <>
            {settings.settings.value.speakerLabels ? (
              <span class="who">{view.speakers.get(seg.speaker)?.[mode === 'en' ? 'nameEn' : 'name']}</span>
            ) : null}
            {mode !== 'en' ? <span class="zh">{seg.text}</span> : null}
            {mode !== 'zh' ? (
              <span class="en" lang="en">
                {seg.textEn}
              </span>
            ) : null}
          </>
        ) : (
          <span>{t('notStarted')}</span>
        )}
      </div>
      <div class="overlay-terms">
        {termRuns(
          terms.map((id) => ({ text: view.terms.get(id)?.term ?? id, termId: id })),
          true,
        )}
        <button type="button" class="expand" onClick={() => (ui.overlayExpanded.value = true)}>
          {t('expand')}
        </button>
      </div>
    </div>
  );
}
