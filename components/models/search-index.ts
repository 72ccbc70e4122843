/** The search index of the talk as shown (Simplified or Traditional), built once per view. */
import { createSearchIndex, type SearchIndex } from '../../lib/search';
import type { TalkModel, TalkView } from './talk';

const built = new WeakMap<TalkView, SearchIndex>();

/** Reads talk.view, so inside a computed it follows the script switch. */
export function searchIndexOf(talk: TalkModel): SearchIndex {
  const v = talk.view.value;
  let index = built.get(v);
  if (index) return index;
  const { pack: base, pinyin } = talk.base;
  index = createSearchIndex(
    v.pack.segments.map((s, i) => {
      const sp = v.speakers.get(s.speaker);
      // Traditional conversion is one character for one, so the Simplified pinyin still lines up.
      return {
        text: s.text,
        textEn: s.textEn,
        speakerName: sp?.name ?? '',
        speakerNameEn: sp?.nameEn ?? '',
        pinyin: pinyin.segments[i] ?? '',
        textAlt: v.pack === base ? undefined : base.segments[i]?.text,
      };
    }),
    v.pack.terms.map((t, i) => {
      const b = base.terms[i];
      return {
        id: t.id,
        names: [t.term, t.en, ...(t.zh ? [t.zh] : []), ...t.aliases, ...t.aliasesEn, ...(b ? [b.term, ...(b.zh ? [b.zh] : [])] : [])],
        pinyin: pinyin.terms[i] ?? '',
      };
    }),
  );
  built.set(v, index);
  return index;
}
