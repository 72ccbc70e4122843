import { EXPORT_FORMATS, EXPORT_MIME, exportTalk, type ExportFormat } from '../../../lib/export';
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
export { default as css } from '../menus.css?inline';

const LABEL: Record<ExportFormat, string> = { md: 'Markdown', srt: 'SRT', vtt: 'WebVTT', json: 'JSON' };

/** The export menu's items: each writes the talk with the current timeline and language. */
export function ExportFormats({ close }: { close(): void }) {
  const { talk, timing, settings, life } = useModels();
  const { t } = useViewI18n();
  const run = (format: ExportFormat, from: HTMLElement): void => {
    const text = exportTalk(format, {
      pack: talk.view.value.pack,
      timeline: timing.timeline.value,
      mode: settings.settings.value.transcriptLanguage,
    });
    const { bvid, p } = talk.view.value.pack.video;
    // A download link clicked inside the panel's shadow root; the blob URL lives 10 s (or the panel).
    const a = from.ownerDocument.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: `${EXPORT_MIME[format]};charset=utf-8` }));
    a.download = `${bvid}-p${p}.${format}`;
    from.after(a);
    a.click();
    a.remove();
    const revoke = (): void => URL.revokeObjectURL(a.href);
    const id = setTimeout(revoke, 10_000);
    life.addEventListener('abort', () => (clearTimeout(id), revoke()), { once: true });
    close();
  };
  return (
    <div
      class="export-menu"
      role="menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      {EXPORT_FORMATS.map((f) => (
        <button
          key={f}
          type="button"
          role="menuitem"
          data-export={f}
          onClick={(e) => run(f, e.currentTarget)}
          aria-label={t('exportAs', { format: LABEL[f] })}
        >
          {LABEL[f]}
        </button>
      ))}
    </div>
  );
}
