import { useComputed, useSignalEffect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { SearchHit } from '../../../lib/search';
import { clock } from '../../../lib/time-format';
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
import { searchIndexOf } from '../../models/search-index';
export { default as css } from './search.css?inline';

const CONTEXT = 14;

function Snippet({ text, start, end }: { text: string; start: number; end: number }) {
  const a = Math.max(0, start - CONTEXT);
  const b = Math.min(text.length, end + CONTEXT * 2);
  return (
    <span class="snippet">
      {a > 0 ? '…' : ''}
      {text.slice(a, start)}
      {end > start ? <mark>{text.slice(start, end)}</mark> : null}
      {text.slice(end, b)}
      {b < text.length ? '…' : ''}
    </span>
  );
}

/** Search the transcript (both languages, pinyin), speakers and terms; Enter or click seeks. */
export function SearchView() {
  const { talk, timing, playback, ui } = useModels();
  const { t } = useViewI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hits = useComputed(() => searchIndexOf(talk).search(ui.searchQuery.value));
  const view = talk.view.value;
  const starts = timing.timeline.value.starts;
  const q = ui.searchQuery.value.trim();
  // Build the pinyin index while the user moves to the box, not on their first keystroke.
  useEffect(() => {
    const id = setTimeout(() => searchIndexOf(talk).prepare(), 0);
    return () => clearTimeout(id);
  }, []);

  useSignalEffect(() => {
    if (!ui.searchFocus.value) return;
    inputRef.current?.focus();
    ui.searchFocus.value = false;
  });

  const open = (hit: SearchHit): void => {
    if (hit.kind === 'term') {
      // The glossary tab mounts on the switch and scrolls to its focus term.
      ui.glossaryFocus.value = hit.termId;
      ui.glossaryFilter.value = '';
      ui.tab.value = 'glossary';
    } else playback.seek(starts[hit.index] ?? 0);
  };

  return (
    <div class="search">
      <input
        ref={inputRef}
        type="search"
        class="filter"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={ui.searchQuery.value}
        onInput={(e) => (ui.searchQuery.value = (e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.isComposing) return;
          if (e.key === 'Enter') {
            const first = hits.value.find((h) => h.kind !== 'term') ?? hits.value[0];
            if (first) open(first);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
          }
        }}
      />
      {!q ? <p class="empty">{t('searchHint')}</p> : hits.value.length === 0 ? <p class="empty">{t('searchEmpty', { q })}</p> : null}
      {q && hits.value.length ? (
        <p class="count" aria-live="polite">
          {t('searchResults', { n: hits.value.length })}
        </p>
      ) : null}
      <ol
        class="results"
        ref={listRef}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
          const at = items.indexOf(e.target as HTMLButtonElement);
          const next = items[at + (e.key === 'ArrowDown' ? 1 : -1)];
          if (next) next.focus();
          else if (e.key === 'ArrowUp') inputRef.current?.focus();
        }}
      >
        {hits.value.map((hit) => {
          if (hit.kind === 'term') {
            const term = view.terms.get(hit.termId);
            return term ? (
              <li key={`t-${hit.termId}`} data-result-term={hit.termId}>
                <button type="button" onClick={() => open(hit)}>
                  <span class="badge">{t('searchTerm')}</span> <strong>{term.term}</strong> <span lang="en">{term.en}</span>
                  <span class="snippet">{term.short}</span>
                </button>
              </li>
            ) : null;
          }
          const seg = view.pack.segments[hit.index];
          if (!seg) return null;
          const text = hit.field === 'textEn' ? seg.textEn : seg.text;
          return (
            <li key={seg.id} data-result-segment={seg.id}>
              <button type="button" onClick={() => open(hit)}>
                <span class="ts">{clock(starts[hit.index] ?? 0)}</span> <span class="who">{view.speakers.get(seg.speaker)?.name}</span>{' '}
                <Snippet text={text} start={hit.start} end={hit.end} />
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
