import { computed, type ReadonlySignal } from '@preact/signals';
import { PANEL_MESSAGES, type MessageKey } from './messages';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type Catalogues<K extends string> = Record<Locale, Record<K, string>>;

/** Chinese by default; English when the setting or (on auto) the browser asks for it. */
export function resolveLocale(setting: 'auto' | Locale, browserLanguage: string): Locale {
  if (setting !== 'auto') return setting;
  return /^en\b/i.test(browserLanguage) ? 'en' : 'zh-CN';
}

export interface I18n<K extends string = MessageKey> {
  locale: ReadonlySignal<Locale>;
  t(key: K, vars?: Record<string, string | number>): string;
}

export function createI18n<K extends string = MessageKey>(
  setting: ReadonlySignal<'auto' | Locale>,
  browserLanguage: string,
  catalogues: Catalogues<K> = PANEL_MESSAGES as unknown as Catalogues<K>,
): I18n<K> {
  const locale = computed(() => resolveLocale(setting.value, browserLanguage));
  return {
    locale,
    t(key, vars) {
      const text = catalogues[locale.value][key];
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
    },
  };
}
