import type { I18n } from '../../i18n';
import type { ViewKey } from '../../i18n/view-messages';

/** On the other parts of BV1DS411w7hz: a small, dismissible pointer to P6. */
export function Hint({ i18n, href, onDismiss }: { i18n: I18n<ViewKey>; href: string; onDismiss(): void }) {
  const { t } = i18n;
  return (
    <div class="hint" role="note" lang={i18n.locale.value}>
      <span>{t('hintText')}</span> <a href={href}>{t('hintLink')}</a>
      <button type="button" class="icon" aria-label={t('hintDismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
