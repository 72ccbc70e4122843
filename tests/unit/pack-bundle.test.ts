import { describe, expect, it } from 'vitest';
import { readBundle } from '../../lib/pack/bundle';
import { applyHant } from '../../lib/pack/hant';
import { countHan } from '../../lib/guard';
import { marksZh, packMatchers } from '../../lib/pack/term-patterns';
import { buildHantBundle, buildPackBundle, syllables } from '../../scripts/pack-bundle';

const { bundle, pack } = buildPackBundle();

describe('build-time bundles', () => {
  it('pinyin has one syllable per Han character, with the right readings', () => {
    pack.segments.forEach((s, i) => expect(bundle.pinyin.segments[i]!.split(' ').filter(Boolean)).toHaveLength(countHan(s.text)));
    expect(syllables('扩散模型')).toBe('kuo san mo xing');
    expect(syllables('自回归')).toBe('zi hui gui');
    expect(syllables('长上下文')).toBe('chang shang xia wen');
  });
  it('the runtime reads what the build wrote, and refuses a mismatched bundle', () => {
    const loaded = readBundle(JSON.parse(JSON.stringify(bundle)));
    expect(loaded.pack.segments).toHaveLength(pack.segments.length);
    expect(() => readBundle({ ...bundle, pinyin: { segments: [], terms: [] } })).toThrow(/pinyin/);
    expect(() => readBundle({ v: 2 })).toThrow();
  });
  it('Traditional script converts known terms correctly, one character for one', () => {
    const hant = buildHantBundle(pack);
    const byId = new Map(pack.terms.map((t, i) => [t.id, hant.terms[i]!]));
    expect(byId.get('diffusion-model')!.zh).toBe('擴散模型');
    expect(byId.get('autoregressive')!.zh).toBe('自迴歸模型');
    expect(byId.get('hallucination')!.term).toBe('幻覺');
    expect(byId.get('chain-of-thought')!.term).toBe('思維鏈');
    expect(byId.get('long-context')!.term).toBe('長上下文');
    expect(byId.get('text-to-image')!.term).toBe('文生圖');
    expect(byId.get('multimodal-llm')!.term).toBe('多模態大模型');
    expect(hant.speakers[pack.speakers.findIndex((s) => s.id === 'gu')]).toBe('顧老師');
    pack.segments.forEach((s, i) => expect([...hant.segments[i]!].length).toBe([...s.text].length));
    const applied = applyHant(pack, hant);
    expect(applied.segments[0]!.text).not.toBe(pack.segments[0]!.text);
    expect(applied.segments[0]!.textEn).toBe(pack.segments[0]!.textEn);
    expect(() => applyHant(pack, { ...hant, segments: [] })).toThrow();
    // Speaker notes (the label's reasoning, shown as the chip's tooltip) follow the script too.
    const meng = applied.speakers.find((x) => x.id === 'meng')!;
    expect(meng.note).toContain('孟老師');
    expect(meng.noteEn).toBe(pack.speakers.find((x) => x.id === 'meng')!.noteEn);
    expect(() => applyHant(pack, { ...hant, speakerNotes: [] })).toThrow();
  });
  it('Traditional text keeps the exclusions meaningful: the excluded span is still a match there, and still not shown', () => {
    const applied = applyHant(pack, buildHantBundle(pack));
    const m = packMatchers(applied.terms);
    const excluded = applied.segments.filter((s) => s.noTerms);
    expect(excluded.length).toBeGreaterThan(0);
    for (const s of excluded) {
      for (const x of s.noTerms!) {
        expect(
          m.zh.find(s.text).some((r) => r.termId === x.term && r.start === x.at[0] && r.end === x.at[1]),
          s.id,
        ).toBe(true);
        expect(
          marksZh(m, s).some((r) => r.start === x.at[0] && r.end === x.at[1]),
          s.id,
        ).toBe(false);
      }
    }
  });
});
