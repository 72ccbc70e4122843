import { useEffect, useRef } from 'preact/hooks';
import { clock, talkLink } from '../lib/time-format';
import { useModels } from './context';

/** Per-line actions: copy as Markdown, original ASR text, "this line is now". */
export function LineMenu({ index, showingOriginal }: { index: number; showingOriginal: boolean }) {
  const { i18n, talk, timing, ui, io } = useModels();
  const { t } = i18n;
  const ref = useRef<HTMLDivElement>(null);
  const view = talk.view.value;
  const seg = view.pack.segments[index];

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);

  if (!seg) return null;
  const close = (): void => {
    ui.menuFor.value = -1;
  };
  const start = timing.timeline.value.starts[index] ?? 0;
  const speaker = view.speakers.get(seg.speaker)?.name ?? seg.speaker;

  const copy = (): void => {
    const md = `> ${seg.text}\n>\n> — ${speaker}, [${clock(start)}](${talkLink(start)})`;
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
      (ref.current?.parentElement?.querySelector('.more') as HTMLElement | null)?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div class="line-menu" role="menu" ref={ref} onKeyDown={onKeyDown}>
      <button type="button" role="menuitem" onClick={copy}>
        {t('copyLine')}
      </button>
      <button type="button" role="menuitem" onClick={toggleOriginal}>
        {showingOriginal ? t('hideOriginal') : t('showOriginal')}
      </button>
      <button type="button" role="menuitem" data-action="mark-now" onClick={markNow}>
        {t('markNow')}
      </button>
    </div>
  );
}
