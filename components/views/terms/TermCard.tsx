import { useComputed } from '@preact/signals';
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
export { default as css } from './term-card.css?inline';

/** Optional (off by default): a small card in the player corner for the first term of the active line. */
export function TermCard() {
  const { talk, timing, settings } = useModels();
  const { t } = useViewI18n();
  const termId = useComputed(() => {
    if (!settings.settings.value.termCards) return null;
    const i = timing.active.value;
    return talk.view.value.runsZh(i).find((r) => r.termId)?.termId ?? null;
  }).value;
  const term = termId ? talk.view.value.terms.get(termId) : undefined;
  if (!term) return null;
  const en = settings.settings.value.transcriptLanguage === 'en';
  return (
    <aside class="term-card" aria-label={t('termCardLabel')} data-term-card={term.id}>
      <strong>{term.term}</strong> <span lang="en">{term.en}</span>
      <p lang={en ? 'en' : undefined}>{en ? term.shortEn : term.short}</p>
    </aside>
  );
}
