import { useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { clock } from '../../../lib/time-format';
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
export { default as css } from './glossary.css?inline';

/** All terms, filterable, each with its explanation, references and mentions. */
export function GlossaryView() {
  const { talk, timing, playback, settings, ui } = useModels();
  const { t } = useViewI18n();
  const view = talk.view.value;
  const starts = timing.timeline.value.starts;
  const en = settings.settings.value.transcriptLanguage === 'en';
  const q = ui.glossaryFilter.value.trim().toLowerCase();
  const ref = useRef<HTMLDivElement>(null);
  const terms = view.pack.terms.filter(
    (x) => !q || [x.term, x.en, x.zh ?? '', ...x.aliases, ...x.aliasesEn].some((n) => n.toLowerCase().includes(q)),
  );

  useSignalEffect(() => {
    const id = ui.glossaryFocus.value;
    if (!id) return;
    const el = ref.current?.querySelector<HTMLElement>(`[data-glossary-id="${CSS.escape(id)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
    el?.querySelector<HTMLElement>('summary')?.focus();
  });

  return (
    <div class="glossary" ref={ref}>
      <input
        type="search"
        class="filter"
        aria-label={t('glossaryFilter')}
        placeholder={t('glossaryFilter')}
        value={ui.glossaryFilter.value}
        onInput={(e) => (ui.glossaryFilter.value = (e.currentTarget as HTMLInputElement).value)}
      />
      {terms.length === 0 ? <p class="empty">{t('glossaryEmpty')}</p> : null}
      <ul class="terms">
        {terms.map((x) => {
          const mentions = view.mentions.get(x.id) ?? [];
          return (
            <li key={x.id} data-glossary-id={x.id}>
              <details open={ui.glossaryFocus.value === x.id}>
                <summary>
                  <span class="g-term">{x.term}</span>
                  {x.zh && x.zh !== x.term ? <span class="g-zh"> {x.zh}</span> : null}
                  <span class="g-en" lang="en">
                    {' '}
                    · {x.en}
                  </span>
                  <span class="g-short">{en ? x.shortEn : x.short}</span>
                </summary>
                <p>{en ? x.longEn : x.long}</p>
                <p class="usage">
                  <strong>{t('termInTalk')}</strong>
                  {en ? x.usageEn : x.usage}
                </p>
                <p class="links">
                  {t('termLinks')}:{' '}
                  {x.links.map((l) => (
                    <a key={l.url} href={l.url} target="_blank" rel="noopener noreferrer">
                      {l.title}
                    </a>
                  ))}
                </p>
                <p class="mentions-label">{t('termMentions', { n: mentions.length })}</p>
                <ul class="mentions">
                  {mentions.map((i) => (
                    <li key={i}>
                      <button type="button" onClick={() => playback.seek(starts[i] ?? 0)}>
                        <span class="ts">{clock(starts[i] ?? 0)}</span> {view.pack.segments[i]?.text.slice(0, 30)}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
