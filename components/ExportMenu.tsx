import { useSignal } from '@preact/signals';
import { EXPORT_FORMATS, EXPORT_MIME, exportTalk, type ExportFormat } from '../lib/export';
import { useModels } from './context';

const LABEL: Record<ExportFormat, string> = { md: 'Markdown', srt: 'SRT', vtt: 'WebVTT', json: 'JSON' };

/** Download the talk with the current timeline — the same code as the CLI. */
export function ExportMenu() {
  const { i18n, talk, timing, settings, io } = useModels();
  const { t } = i18n;
  const open = useSignal(false);
  const run = (format: ExportFormat): void => {
    const text = exportTalk(format, {
      pack: talk.view.value.pack,
      timeline: timing.timeline.value,
      mode: settings.settings.value.transcriptLanguage,
    });
    const { bvid, p } = talk.view.value.pack.video;
    io.download(`${bvid}-p${p}.${format}`, EXPORT_MIME[format], text);
    open.value = false;
  };
  return (
    <div class="export">
      <button type="button" aria-haspopup="menu" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>
        {t('export')}
      </button>
      {open.value ? (
        <div
          class="export-menu"
          role="menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') open.value = false;
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
      ) : null}
    </div>
  );
}
