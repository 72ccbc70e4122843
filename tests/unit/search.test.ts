import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { searchIndexOf } from '../../components/models/search-index';
import { createTalkModel } from '../../components/models/talk';
import type { SearchHit } from '../../lib/search';
import { applyHant } from '../../lib/pack/hant';
import { buildHantBundle, buildPackBundle } from '../../scripts/pack-bundle';

const { bundle, pack } = buildPackBundle();
const talk = createTalkModel({ pack, pinyin: bundle.pinyin }, signal(false));
const search = (q: string): SearchHit[] => searchIndexOf(talk).search(q);
const segTexts = (hits: SearchHit[]): string[] => hits.flatMap((h) => (h.kind === 'term' ? [] : [pack.segments[h.index]!.text]));

describe('search', () => {
  it('finds "Mamba" in the lines that say it', () => {
    const hits = search('Mamba');
    const texts = segTexts(hits);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const t of texts) expect(t).toContain('Mamba');
    expect(hits[0]).toEqual({ kind: 'term', termId: 'mamba' });
  });
  it('"kuosan" (full pinyin) finds 扩散', () => {
    const texts = segTexts(search('kuosan'));
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain('扩散');
  });
  it('"ks" (initials) finds 扩散 first among terms and among lines', () => {
    const hits = search('ks');
    expect(hits[0]).toEqual({ kind: 'term', termId: 'diffusion-model' });
    expect(segTexts(hits).some((t) => t.includes('扩散'))).toBe(true);
  });
  it('"scaling law" finds the Scaling Law lines (case-insensitive English)', () => {
    const hits = search('scaling law');
    const texts = segTexts(hits);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const t of texts.slice(0, 5)) expect(t.toLowerCase()).toContain('scaling law');
    expect(hits.some((h) => h.kind === 'term' && h.termId === 'scaling-law')).toBe(true);
  });
  it('searches the English translation too', () => {
    const hits = search('hallucination');
    expect(hits.some((h) => h.kind === 'text' && h.field === 'textEn')).toBe(true);
  });
  it('finds speakers by name', () => {
    const hits = search('顾老师');
    expect(hits.some((h) => h.kind === 'speaker' && pack.segments[h.index]!.speaker === 'gu')).toBe(true);
  });
  it('reports match positions inside the text', () => {
    for (const h of search('自回归')) {
      if (h.kind === 'term') continue;
      const text = h.field === 'textEn' ? pack.segments[h.index]!.textEn : pack.segments[h.index]!.text;
      expect(text.slice(h.start, h.end)).toBe('自回归');
    }
  });
  it('in Traditional script, a Simplified query finds the lines too, at the same offsets', () => {
    const hant = createTalkModel({ pack, pinyin: bundle.pinyin }, signal(true));
    hant.hant.value = applyHant(pack, buildHantBundle(pack));
    const shown = hant.view.value.pack.segments;
    const hits = searchIndexOf(hant)
      .search('扩散')
      .filter((h) => h.kind === 'text');
    expect(hits.length).toBeGreaterThan(3);
    for (const h of hits) if (h.kind === 'text') expect(shown[h.index]!.text.slice(h.start, h.end)).toBe('擴散');
    // The Traditional query finds the same lines.
    const viaHant = searchIndexOf(hant)
      .search('擴散')
      .flatMap((h) => (h.kind === 'text' ? [h.index] : []));
    expect(viaHant).toEqual(hits.map((h) => (h.kind === 'text' ? h.index : -1)));
  });
  it('returns nothing for nothing', () => {
    expect(search('')).toEqual([]);
    expect(search('zzzzqqq')).toEqual([]);
  });
});
