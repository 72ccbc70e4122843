import type { I18n } from '../i18n';

/** The talk data could not be read (a broken install): say so where the panel would be. */
export function LoadError({ i18n, detail }: { i18n: I18n; detail: string }) {
  const { t } = i18n;
  return (
    <div class="panel collapsed" role="complementary" aria-label={t('panelLabel')} lang={i18n.locale.value}>
      <p class="state error" role="alert">
        {t('loadError', { detail })}
      </p>
    </div>
  );
}
