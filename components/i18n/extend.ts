/** A part loaded on demand brings its own strings; this lays them over the panel's. */
import { format, type I18n, type Locale } from './index';

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
