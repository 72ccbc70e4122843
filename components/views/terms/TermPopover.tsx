import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { clock } from '../../../lib/time-format';
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
export { default as css } from './popover.css?inline';

/**
 * The explanation of one term (role=dialog): short text and English name first, then
 * "more" (long text, usage, links, related) and "mentions". One at a time; Esc closes and
 * returns focus to the term; placed so it does not cover the active line.
 */
export function TermPopover({ container: containerRef }: { container: { current: HTMLElement | null } }) {
  const { talk, timing, playback, ui, settings } = useModels();
  const { t } = useViewI18n();
  const state = ui.popover.value;
  const ref = useRef<HTMLDivElement>(null);
  const more = useSignal(false);
  const showMentions = useSignal(false);
  const view = talk.view.value;
  const term = state ? view.terms.get(state.termId) : undefined;
  const en = settings.settings.value.transcriptLanguage === 'en';

  useLayoutEffect(() => {
    more.value = false;
    showMentions.value = false;
  }, [state?.termId]);

  useLayoutEffect(() => {
    const el = ref.current;
    const container = containerRef.current;
    if (!el || !state || !container) return;
    const box = container.getBoundingClientRect();
    const anchor = state.opener.getBoundingClientRect();
    const active = container.querySelector('.line[aria-current="true"]')?.getBoundingClientRect();
    const h = el.offsetHeight;
    const w = el.offsetWidth;
    const rel = (y: number): number => y - box.top;
    // Below or above the term, else below or above the active line; the first that fits without covering it.
    const candidates = [rel(anchor.bottom) + 6, rel(anchor.top) - h - 6];
    if (active) candidates.push(rel(active.bottom) + 6, rel(active.top) - h - 6);
    const fits = (top: number): boolean => top >= 0 && top + h <= box.height;
    const covers = (top: number): boolean => !!active && top < rel(active.bottom) && top + h > rel(active.top);
    let top = candidates.find((c) => fits(c) && !covers(c)) ?? candidates.find(fits) ?? 0;
    top = Math.max(0, Math.min(top, box.height - h));
    const left = Math.max(4, Math.min(anchor.left - box.left, box.width - w - 4));
    el.style.top = `${top}px`;
    el.style.left = `${left}px`;
  }, [state, more.value, showMentions.value]);

  useLayoutEffect(() => {
    ref.current?.focus();
  }, [state]);

  if (!state || !term) return null;
  const close = (): void => {
    const opener = state.opener;
    ui.popover.value = null;
    if (opener.isConnected) opener.focus();
  };
  const mentions = view.mentions.get(term.id) ?? [];
  const starts = timing.timeline.value.starts;
  const titleId = `term-title-${term.id}`;

  return (
    <div
      class="popover"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={ref}
      data-popover-term={term.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <div class="pop-head">
        <h4 id={titleId}>
          {term.term}
          {term.zh && term.zh !== term.term ? <span class="zh-name"> · {term.zh}</span> : null}
        </h4>
        <button type="button" class="icon close" aria-label={t('close')} onClick={close}>
          ×
        </button>
      </div>
      <p class="en-name" lang="en">
        {term.en}
      </p>
      <p class="short" lang={en ? 'en' : undefined}>
        {en ? term.shortEn : term.short}
      </p>
      {term.uncertain ? (
        // Part of the entry is an inference (who or what the speaker meant): said before "more", not buried in it.
        <p class="unc-note">
          <strong>{t('termUncertain')}</strong>
          <span lang="en">{term.uncertain}</span>
        </p>
      ) : null}
      <div class="pop-actions">
        <button type="button" aria-expanded={more.value} onClick={() => (more.value = !more.value)}>
          {more.value ? t('termLess') : t('termMore')}
        </button>
        <button type="button" aria-expanded={showMentions.value} onClick={() => (showMentions.value = !showMentions.value)}>
          {t('termMentions', { n: mentions.length })}
        </button>
      </div>
      {more.value ? (
        <div class="pop-more">
          <p lang={en ? 'en' : undefined}>{en ? term.longEn : term.long}</p>
          <p class="usage" lang={en ? 'en' : undefined}>
            <strong>{t('termInTalk')}</strong>
            {en ? term.usageEn : term.usage}
          </p>
          <p class="links">
            {t('termLinks')}:{' '}
            {term.links.map((l) => (
              <a key={l.url} href={l.url} target="_blank" rel="noopener noreferrer">
                {l.title}
              </a>
            ))}
          </p>
          {term.related.length ? (
            <p class="related">
              {t('termRelated')}:{' '}
              {term.related.map((id) => (
                <button key={id} type="button" class="chip-btn" onClick={() => (ui.popover.value = { termId: id, opener: state.opener })}>
                  {view.terms.get(id)?.term ?? id}
                </button>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}
      {showMentions.value ? (
        <ul class="mentions">
          {mentions.map((i) => (
            <li key={i}>
              <button type="button" onClick={() => playback.seek(starts[i] ?? 0)}>
                <span class="ts">{clock(starts[i] ?? 0)}</span>{' '}
                {(en ? view.pack.segments[i]?.textEn.slice(0, 60) : view.pack.segments[i]?.text.slice(0, 28)) ?? ''}…
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
