/**
 * Build-time derivation of what the content script ships: talk.json (pack files + pinyin
 * from pinyin-pro) and talk.zh-Hant.json (Traditional text from opencc-js). Both libraries
 * run here, in Node, so neither lands in the content script.
 */
import * as OpenCC from 'opencc-js';
import { customPinyin, pinyin } from 'pinyin-pro';
import type { PackBundle } from '../lib/pack/bundle';
import type { HantBundle } from '../lib/pack/hant';
import { HAN } from '../lib/guard';
import type { TalkPack } from '../lib/pack/types';
import { validatePack } from '../lib/pack/validate';
import { readPackFiles } from './pack-files';

// Readings pinyin-pro gets wrong in this talk's vocabulary (长 in 长上下文 is cháng).
customPinyin({ 长上下文: 'cháng shàng xià wén', 上下文: 'shàng xià wén' });

/** One toneless syllable per Han character of `text`, space-separated. */
export function syllables(text: string): string {
  const han = [...text].filter((ch) => HAN.test(ch));
  const out = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' });
  // pinyin-pro reads in context; if it ever disagrees on the count, fall back to one character at a time.
  const list = out.length === han.length ? out : han.map((ch) => pinyin(ch, { toneType: 'none' }));
  return list
    .map((s) =>
      s
        .toLowerCase()
        .replace(/[^a-zü]/g, '')
        .replace(/ü/g, 'v'),
    )
    .join(' ');
}

export function buildPackBundle(): { bundle: PackBundle; pack: TalkPack } {
  const pack = validatePack(readPackFiles());
  return {
    pack,
    bundle: {
      v: 1,
      pack,
      pinyin: {
        segments: pack.segments.map((s) => syllables(s.text)),
        terms: pack.terms.map((t) => syllables(t.zh ?? (HAN.test(t.term) ? t.term : ''))),
      },
    },
  };
}

export function buildHantBundle(pack: TalkPack): HantBundle {
  const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
  // The search index reuses Simplified pinyin per character, so conversion must be one for one.
  const t = (s: string): string => {
    const out = convert(s);
    if ([...out].length !== [...s].length) throw new Error(`opencc changed the length of "${s}"`);
    return out;
  };
  return {
    v: 1,
    segments: pack.segments.map((s) => t(s.text)),
    chapters: pack.chapters.map((c) => ({ title: t(c.title), summary: t(c.summary) })),
    terms: pack.terms.map((x) => ({
      term: t(x.term),
      zh: x.zh === null ? null : t(x.zh),
      aliases: x.aliases.map(t),
      short: t(x.short),
      long: t(x.long),
      usage: t(x.usage),
    })),
    speakers: pack.speakers.map((s) => t(s.name)),
    speakerNotes: pack.speakers.map((s) => (s.note ? t(s.note) : null)),
  };
}
