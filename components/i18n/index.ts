import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { MessageKey } from './messages';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
/** A language's strings, in memory (the popup) or as a chunk fetched when first shown (the panel). */
export type CatalogueSource<K extends string> = Record<K, string> | (() => Promise<Record<K, string>>);
export type Catalogues<K extends string> = Record<Locale, CatalogueSource<K>>;

/** Chinese by default; English when the setting or (on auto) the browser asks for it. */
export function resolveLocale(setting: 'auto' | Locale, browserLanguage: string): Locale {
  if (setting !== 'auto') return setting;
  return /^en\b/i.test(browserLanguage) ? 'en' : 'zh-CN';
}

export interface I18n<K extends string = MessageKey> {
  locale: ReadonlySignal<Locale>;
  t(key: K, vars?: Record<string, string | number>): string;
  /** Resolves once the current language's strings are in; render after it to avoid a blank frame. */
  ready(): Promise<void>;
}

const format = (text: string, vars?: Record<string, string | number>): string =>
  vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;

/** The base strings plus a part's own (in memory, both languages), following the base's language. */
export function extendI18n<K extends string, V extends string>(base: I18n<K>, extra: Record<Locale, Record<V, string>>): I18n<K | V> {
  return {
    locale: base.locale,
    ready: base.ready,
    t(key, vars) {
      const own = extra[base.locale.value] as Record<string, string>;
      return key in own ? format(own[key] as string, vars) : base.t(key as K, vars);
    },
  };
}

export function createI18n<K extends string = MessageKey>(
  setting: ReadonlySignal<'auto' | Locale>,
  browserLanguage: string,
  catalogues: Catalogues<K>,
): I18n<K> {
  const locale = computed(() => resolveLocale(setting.value, browserLanguage));
  const inMemory = (Object.keys(catalogues) as Locale[]).filter((l) => typeof catalogues[l] !== 'function');
  const loaded = signal<Partial<Record<Locale, Record<K, string>>>>(Object.fromEntries(inMemory.map((l) => [l, catalogues[l]])));
  const pending = new Map<Locale, Promise<void>>();
  const load = (l: Locale): Promise<void> => {
    const source = catalogues[l];
    if (typeof source !== 'function') return Promise.resolve();
    let p = pending.get(l);
    if (!p) {
      p = source().then(
        (strings) => void (loaded.value = { ...loaded.peek(), [l]: strings }),
        (err: unknown) => {
          // Typically the extension was reloaded under the page: keys stand in for the text.
          pending.delete(l);
          console.warn('[companion] UI strings failed to load', err);
        },
      );
      pending.set(l, p);
    }
    return p;
  };
  return {
    locale,
    ready: () => load(locale.peek()),
    t(key, vars) {
      const l = locale.value;
      const all = loaded.value;
      // After a live language switch the old language stays on screen until the new one is in.
      const strings = all[l] ?? (void load(l), all[l === 'en' ? 'zh-CN' : 'en']);
      return format(strings?.[key] ?? key, vars);
    },
  };
}
