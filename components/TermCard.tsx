import { useComputed } from '@preact/signals';
import { useModels } from './context';

/** Optional (off by default): a small card in the player corner for the first term of the active line. */
export function TermCard() {
  const { i18n, talk, timing, settings } = useModels();
  const termId = useComputed(() => {
    if (!settings.settings.value.termCards) return null;
    const i = timing.active.value;
    return talk.view.value.runsZh(i).find((r) => r.termId)?.termId ?? null;
  }).value;
  const term = termId ? talk.view.value.terms.get(termId) : undefined;
  if (!term) return null;
  const en = settings.settings.value.transcriptLanguage === 'en';
  return (
    <aside class="term-card" aria-label={i18n.t('termCardLabel')} data-term-card={term.id}>
      <strong>{term.term}</strong> <span lang="en">{term.en}</span>
      <p lang={en ? 'en' : undefined}>{en ? term.shortEn : term.short}</p>
    </aside>
  );
}
