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

/** Fills {name} placeholders. */
export const format = (text: string, vars?: Record<string, string | number>): string =>
  vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;

export function createI18n<K extends string = MessageKey>(
  setting: ReadonlySignal<'auto' | Locale>,
  browserLanguage: string,
  catalogues: Catalogues<K>,
): I18n<K> {
  const wanted = computed(() => resolveLocale(setting.value, browserLanguage));
  const inMemory = (Object.keys(catalogues) as Locale[]).filter((l) => typeof catalogues[l] !== 'function');
  const loaded = signal<Partial<Record<Locale, Record<K, string>>>>(Object.fromEntries(inMemory.map((l) => [l, catalogues[l]])));
  const pending = new Map<Locale, Promise<void>>();
  const failed = new Set<Locale>();
  const load = (l: Locale): Promise<void> => {
    const source = catalogues[l];
    if (typeof source !== 'function') return Promise.resolve();
    let p = pending.get(l);
    if (!p) {
      p = source().then(
        (strings) => void (loaded.value = { ...loaded.peek(), [l]: strings }),
        (err: unknown) => {
          // Typically the extension was reloaded under the page. Not retried on every render:
          // only ready() tries again.
          pending.delete(l);
          failed.add(l);
          console.warn('[companion] UI strings failed to load', err);
        },
      );
      pending.set(l, p);
    }
    return p;
  };
  // The language on screen: the one asked for once its strings are in; until then the one
  // already shown (a live switch fetches first, then re-renders everything at once).
  const locale = computed<Locale>(() => {
    const want = wanted.value;
    const have = loaded.value;
    if (have[want]) return want;
    if (!failed.has(want)) void load(want); // the strings arrive through `loaded`, later
    return (Object.keys(have)[0] as Locale | undefined) ?? want;
  });
  return {
    locale,
    ready: () => {
      const l = wanted.peek();
      failed.delete(l);
      return load(l);
    },
    t(key, vars) {
      return format(loaded.value[locale.value]?.[key] ?? key, vars);
    },
  };
}
