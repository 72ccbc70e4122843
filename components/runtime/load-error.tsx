/** The talk data could not be read: say so where the panel would be (a chunk; rare by design). */
import type { I18n } from '../i18n';
import { LoadError } from '../views/LoadError';
import type { Deps } from './column';
import { showInColumn } from './column-view';

export function showLoadError(deps: Deps, life: AbortSignal, i18n: I18n, detail: string): void {
  showInColumn(deps, life, 'talk-companion', <LoadError i18n={i18n} detail={detail} />);
}
