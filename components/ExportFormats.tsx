import { EXPORT_FORMATS, EXPORT_MIME, exportTalk, type ExportFormat } from '../lib/export';
import { useModels } from './context';
import { useViewI18n } from './view-i18n';
export { default as css } from './styles/menus.css?inline';

const LABEL: Record<ExportFormat, string> = { md: 'Markdown', srt: 'SRT', vtt: 'WebVTT', json: 'JSON' };

/** The export menu's items: each writes the talk with the current timeline and language. */
export function ExportFormats({ close }: { close(): void }) {
  const { talk, timing, settings, io } = useModels();
  const { t } = useViewI18n();
  const run = (format: ExportFormat): void => {
    const text = exportTalk(format, {
      pack: talk.view.value.pack,
      timeline: timing.timeline.value,
      mode: settings.settings.value.transcriptLanguage,
    });
    const { bvid, p } = talk.view.value.pack.video;
    io.download(`${bvid}-p${p}.${format}`, EXPORT_MIME[format], text);
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
          onClick={() => run(f)}
          aria-label={t('exportAs', { format: LABEL[f] })}
        >
          {LABEL[f]}
        </button>
      ))}
    </div>
  );
}
