/**
 * Search over the transcript (Chinese and English text, speakers) and the glossary, with
 * pinyin: full syllables ("kuosan") and initials ("ks") both find 扩散. Pinyin comes from the
 * pack (computed at build time by pinyin-pro), so the content script ships no dictionary.
 */

import { HAN } from './guard';

export interface SearchSegment {
  text: string;
  textEn: string;
  speakerName: string;
  speakerNameEn: string;
  /** One toneless syllable per Han character of `text`, space-separated. */
  pinyin: string;
  /**
   * The same text in the other Chinese script, character for character (Simplified while
   * Traditional is shown), so either script's query finds the line at the same offsets.
   */
  textAlt?: string;
}

export interface SearchTerm {
  id: string;
  /** Every name the term goes by: canonical, Chinese, English, aliases. */
  names: string[];
  /** Syllables of the Chinese name, space-separated ('' when none). */
  pinyin: string;
}

export type MatchKind = 'term' | 'text' | 'speaker' | 'pinyin' | 'initials';

export type SearchHit =
  | { kind: 'term'; termId: string }
  | { kind: Exclude<MatchKind, 'term'>; index: number; field: 'text' | 'textEn'; start: number; end: number };

interface PinyinIndex {
  full: string;
  fullPos: number[];
  fullBoundary: Set<number>;
  initials: string;
  initialsPos: number[];
}

const RANK: Record<MatchKind, number> = { term: 0, text: 1, speaker: 2, pinyin: 3, initials: 4 };

function pinyinIndex(text: string, syllables: string): PinyinIndex {
  const sy = syllables.split(' ').filter(Boolean);
  const idx: PinyinIndex = { full: '', fullPos: [], fullBoundary: new Set(), initials: '', initialsPos: [] };
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (!HAN.test(text[i] as string)) continue;
    const s = sy[k++];
    if (!s) break;
    idx.fullBoundary.add(idx.full.length);
    idx.full += s;
    for (let c = 0; c < s.length; c++) idx.fullPos.push(i);
    idx.initials += s[0];
    idx.initialsPos.push(i);
  }
  return idx;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  /** Build the pinyin index now (the search view calls this when it opens, before any keystroke). */
  prepare(): void;
}

export function createSearchIndex(segments: readonly SearchSegment[], terms: readonly SearchTerm[]): SearchIndex {
  const lower = segments.map((s) => ({
    text: s.text.toLowerCase(),
    textEn: s.textEn.toLowerCase(),
    // Offsets carry over only if the conversion really was one character for one.
    textAlt: s.textAlt?.length === s.text.length ? s.textAlt.toLowerCase() : undefined,
  }));
  const turnStart = segments.map((s, i) => i === 0 || segments[i - 1]?.speakerName !== s.speakerName);
  // Built when the search view opens (or on first use), not at page load.
  let pinyin: PinyinIndex[] | undefined;
  const ensurePinyin = (): PinyinIndex[] => (pinyin ??= segments.map((s) => pinyinIndex(s.text, s.pinyin)));
  const termNames = terms.map((t) => ({
    id: t.id,
    names: t.names.map((n) => n.toLowerCase()),
    full: t.pinyin.replace(/ /g, ''),
    initials: t.pinyin
      .split(' ')
      .filter(Boolean)
      .map((s) => s[0])
      .join(''),
  }));

  return {
    prepare() {
      ensurePinyin();
    },
    search(query, limit = 50) {
      const q = query.trim().toLowerCase();
      if (!q) return [];
      const letters = q.replace(/[\s']/g, '');
      const isPinyin = /^[a-z]{2,}$/.test(letters);
      const hits: SearchHit[] = [];

      for (const t of termNames) {
        const byName = t.names.some((n) => n.includes(q));
        const byPinyin = isPinyin && (t.full.startsWith(letters) || t.initials.startsWith(letters));
        if (byName || byPinyin) hits.push({ kind: 'term', termId: t.id });
      }

      const best = new Map<number, SearchHit & { index: number }>();
      const offer = (hit: SearchHit & { index: number }): void => {
        const prev = best.get(hit.index);
        if (!prev || RANK[hit.kind] < RANK[prev.kind]) best.set(hit.index, hit);
      };
      lower.forEach((s, index) => {
        const at = s.text.indexOf(q);
        if (at >= 0) return offer({ kind: 'text', index, field: 'text', start: at, end: at + q.length });
        const atAlt = s.textAlt?.indexOf(q) ?? -1;
        if (atAlt >= 0) return offer({ kind: 'text', index, field: 'text', start: atAlt, end: atAlt + q.length });
        const atEn = s.textEn.indexOf(q);
        if (atEn >= 0) return offer({ kind: 'text', index, field: 'textEn', start: atEn, end: atEn + q.length });
        const seg = segments[index] as SearchSegment;
        if (turnStart[index] && (seg.speakerName.toLowerCase().includes(q) || seg.speakerNameEn.toLowerCase() === q)) {
          offer({ kind: 'speaker', index, field: 'text', start: 0, end: 0 });
        }
      });
      if (isPinyin) {
        ensurePinyin().forEach((p, index) => {
          if (best.has(index)) return;
          let from = 0;
          for (;;) {
            const at = p.full.indexOf(letters, from);
            if (at < 0) break;
            if (p.fullBoundary.has(at)) {
              const start = p.fullPos[at] as number;
              const end = (p.fullPos[at + letters.length - 1] as number) + 1;
              return offer({ kind: 'pinyin', index, field: 'text', start, end });
            }
            from = at + 1;
          }
          const ai = p.initials.indexOf(letters);
          if (ai >= 0) {
            const start = p.initialsPos[ai] as number;
            const end = (p.initialsPos[ai + letters.length - 1] as number) + 1;
            offer({ kind: 'initials', index, field: 'text', start, end });
          }
        });
      }
      const segHits = [...best.values()].sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.index - b.index);
      return [...hits, ...segHits].slice(0, limit);
    },
  };
}
