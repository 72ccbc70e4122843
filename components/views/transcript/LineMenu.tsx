import { useLayoutEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';
import { clock, talkLink } from '../../../lib/time-format';
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
export { default as css } from '../menus.css?inline';

/**
 * Actions for one line (one menu for the whole list, placed under the line's ⋯ button):
 * copy as Markdown with a ?p=6&t= link, original ASR text, "this line is now". Above them,
 * what the line's marks only hint at on hover: how its speaker label was arrived at and what
 * is unsure in it — the ⋯ button is where keyboard and touch users can read those.
 */
export function LineMenu({ list }: { list: RefObject<HTMLDivElement | null> }) {
  const { talk, timing, ui, io, settings } = useModels();
  const { t } = useViewI18n();
  const ref = useRef<HTMLDivElement>(null);
  const index = ui.menuFor.value;
  const view = talk.view.value;
  const seg = view.pack.segments[index];
  const lineEl = seg ? list.current?.querySelector<HTMLElement>(`.line[data-segment-id="${seg.id}"]`) : null;

  useLayoutEffect(() => {
    const more = lineEl?.querySelector<HTMLElement>('.more');
    const menu = ref.current;
    if (!more || !menu || !list.current) return;
    more.setAttribute('aria-expanded', 'true');
    const box = list.current.parentElement!.getBoundingClientRect();
    const at = more.getBoundingClientRect();
    menu.style.top = `${Math.min(at.bottom - box.top, box.height - menu.offsetHeight)}px`;
    menu.querySelector<HTMLButtonElement>('button')?.focus();
    return () => more.setAttribute('aria-expanded', 'false');
  }, [lineEl]);

  if (!seg || !lineEl) return null;
  const close = (): void => {
    ui.menuFor.value = -1;
    // The action may rebuild the lines (original text, new times): find the button again after.
    const id = seg.id;
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`.line[data-segment-id="${id}"] .more`)?.focus());
  };
  const start = timing.timeline.value.starts[index] ?? 0;
  const mode = settings.settings.value.transcriptLanguage;
  const speaker = view.speakers.get(seg.speaker);
  const showing = settings.settings.value.showOriginal !== ui.originalToggled.value.has(index);
  const en = mode === 'en';
  const speakerNote = en ? speaker?.noteEn : speaker?.note;
  const noteId = `line-notes-${seg.id}`;

  const copy = (): void => {
    const text = en ? seg.textEn : mode === 'bilingual' ? `${seg.text}\n> ${seg.textEn}` : seg.text;
    const who = en ? speaker?.nameEn : speaker?.name;
    const md = `> ${text}\n>\n> — ${who ?? seg.speaker}, [${clock(start)}](${talkLink(view.pack.video, start)})`;
    io.copy(md).then(
      () => (ui.toast.value = t('copied')),
      () => (ui.toast.value = t('copyFailed')),
    );
    close();
  };
  const toggleOriginal = (): void => {
    const next = new Set(ui.originalToggled.value);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    ui.originalToggled.value = next;
    close();
  };
  const markNow = (): void => {
    timing.markNow(index);
    close();
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = items.indexOf(e.target as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  const notes =
    speakerNote || seg.uncertain ? (
      <div class="line-notes" id={noteId}>
        {speakerNote ? (
          <p class="speaker-note">
            <strong>{(en ? speaker?.nameEn : speaker?.name) ?? seg.speaker}</strong> {speakerNote}
          </p>
        ) : null}
        {seg.uncertain ? <p class="unc-note">{t('uncertain', { note: seg.uncertain })}</p> : null}
      </div>
    ) : null;

  return (
    <div class="line-menu" ref={ref} onKeyDown={onKeyDown}>
      {notes}
      <div role="menu" aria-describedby={notes ? noteId : undefined}>
        <button type="button" role="menuitem" onClick={copy}>
          {t('copyLine')}
        </button>
        <button type="button" role="menuitem" onClick={toggleOriginal}>
          {showing ? t('hideOriginal') : t('showOriginal')}
        </button>
        <button type="button" role="menuitem" data-action="mark-now" onClick={markNow}>
          {t('markNow')}
        </button>
      </div>
    </div>
  );
}
