import { useSignal } from '@preact/signals';
import { useModels } from '../context';
import { lazy } from '../lazy';

// The formats and their writers (lib/export) load when the menu first opens.
const ExportFormats = lazy(() => import('./ExportFormats').then((m) => ({ view: m.ExportFormats, css: m.css })));

/** Download the talk with the current timeline — the same code as the CLI. */
export function ExportMenu() {
  const { i18n } = useModels();
  const open = useSignal(false);
  return (
    <div class="export">
      <button type="button" aria-haspopup="menu" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>
        {i18n.t('export')}
      </button>
      {open.value ? <ExportFormats close={() => (open.value = false)} /> : null}
    </div>
  );
}
