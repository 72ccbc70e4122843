/** A broken pack fails validation with a message naming the item and the field. */
import { describe, expect, it } from 'vitest';
import type { PackFiles } from '../../lib/pack/types';
import { validatePack } from '../../lib/pack/validate';
import { readPackFiles } from '../../scripts/pack-files';

type Obj = Record<string, unknown>;
const files = readPackFiles();
const clone = (): PackFiles & { segments: Obj[]; speakers: Obj[]; chapters: Obj[]; glossary: Obj[] } =>
  structuredClone(files) as PackFiles & { segments: Obj[]; speakers: Obj[]; chapters: Obj[]; glossary: Obj[] };

describe('validatePack', () => {
  it('accepts the shipped pack', () => {
    expect(() => validatePack(files)).not.toThrow();
  });

  it('names the item and field of a missing field', () => {
    const f = clone();
    delete f.segments[4]!.text;
    expect(() => validatePack(f)).toThrow('segments[4] (s005).text: expected a non-empty string');
  });

  it('rejects overlapping spans', () => {
    const f = clone();
    const span = f.segments[10]!.span as number[];
    span[0] = span[0]! - 3;
    expect(() => validatePack(f)).toThrow(/segments\[10\] \(s011\)\.span: overlap: starts at \d+, previous span ended at \d+/);
  });

  it('rejects gapped spans', () => {
    const f = clone();
    const span = f.segments[10]!.span as number[];
    span[0] = span[0]! + 2;
    expect(() => validatePack(f)).toThrow(/segments\[10\] \(s011\)\.span: gap/);
  });

  it('rejects spans that stop short of the end of raw.txt (text lost)', () => {
    const f = clone();
    f.segments.pop();
    expect(() => validatePack(f)).toThrow(/segments: spans end at \d+, raw.txt ends at \d+ \(text lost\)/);
  });

  it('rejects an unknown speaker', () => {
    const f = clone();
    f.segments[7]!.speaker = 'zhang';
    expect(() => validatePack(f)).toThrow('segments[7] (s008).speaker: unknown speaker "zhang"');
  });

  it('rejects a duplicate id', () => {
    const f = clone();
    f.glossary[3]!.id = f.glossary[2]!.id;
    expect(() => validatePack(f)).toThrow(`glossary: duplicate id "${String(f.glossary[2]!.id)}"`);
  });

  it('rejects chapters out of order and unknown segments', () => {
    const f = clone();
    [f.chapters[2], f.chapters[3]] = [f.chapters[3]!, f.chapters[2]!];
    expect(() => validatePack(f)).toThrow(/chapters\[3\] \(c03\)\.segmentId: chapters must be in order/);
    const g = clone();
    g.chapters[1]!.segmentId = 's999';
    expect(() => validatePack(g)).toThrow('chapters[1] (c02).segmentId: unknown segment "s999"');
  });

  it('rejects a glossary link that is not https and a short explanation that is too long', () => {
    const f = clone();
    (f.glossary[0]!.links as Obj[])[0]!.url = 'http://example.com';
    expect(() => validatePack(f)).toThrow(/glossary\[0\] \(\S+\)\.links\[0\]\.url: expected an https URL/);
    const g = clone();
    g.glossary[1]!.short = '长'.repeat(61);
    expect(() => validatePack(g)).toThrow(/glossary\[1\] \(\S+\)\.short: longer than 60 characters/);
  });

  it('rejects Han characters in an English field and an unknown related term', () => {
    const f = clone();
    f.segments[0]!.textEn = '扩散 model';
    expect(() => validatePack(f)).toThrow('segments[0] (s001).textEn: Han characters in an English field');
    const g = clone();
    g.glossary[0]!.related = ['nope'];
    expect(() => validatePack(g)).toThrow(/glossary\[0\] \(\S+\)\.related: unknown term "nope"/);
  });

  it('rejects a segment over 120 Han characters', () => {
    const f = clone();
    f.segments[0]!.text = '字'.repeat(121);
    expect(() => validatePack(f)).toThrow('segments[0] (s001).text: more than 120 Han characters');
  });

  describe('term exclusions (noTerms / noTermsEn)', () => {
    // s067: "我觉得什么范式其实不重要，根本问题是我怎么做信号拆分，是吧？" — 信号拆分 is a real match.
    const i = 66;
    const withExclusion = (field: 'noTerms' | 'noTermsEn', x: unknown): ReturnType<typeof clone> => {
      const f = clone();
      f.segments[i]![field] = [x];
      return f;
    };
    const span = (): [number, number] => {
      const a = (clone().segments[i]!.text as string).indexOf('信号拆分');
      return [a, a + 4];
    };

    it('accepts an exclusion that names a real match', () => {
      expect(() => validatePack(withExclusion('noTerms', { term: 'signal-decomposition', at: span() }))).not.toThrow();
    });
    it('rejects a span outside the text', () => {
      const f = withExclusion('noTerms', { term: 'signal-decomposition', at: [5, 500] });
      expect(() => validatePack(f)).toThrow(
        /segments\[66\] \(s067\)\.noTerms\[0\]\.at: span \[5, 500\] out of range: the text has \d+ characters/,
      );
      const g = withExclusion('noTermsEn', { term: 'signal-decomposition', at: [-1, 3] });
      expect(() => validatePack(g)).toThrow(/s067\)\.noTermsEn\[0\]\.at: span \[-1, 3\] out of range/);
      const h = withExclusion('noTerms', { term: 'signal-decomposition', at: [4, 4] });
      expect(() => validatePack(h)).toThrow(/noTerms\[0\]\.at: span \[4, 4\] out of range/);
    });
    it('rejects an unknown term', () => {
      const f = withExclusion('noTerms', { term: 'no-such-term', at: span() });
      expect(() => validatePack(f)).toThrow('segments[66] (s067).noTerms[0].term: unknown term "no-such-term"');
    });
    it('rejects a span that is not a match of that term', () => {
      const [a, b] = span();
      // Off by one character.
      expect(() => validatePack(withExclusion('noTerms', { term: 'signal-decomposition', at: [a + 1, b] }))).toThrow(
        /s067\)\.noTerms\[0\]\.at: \[\d+, \d+\] \("号拆分"\) is not a match of "signal-decomposition"/,
      );
      // The right span, the wrong term.
      expect(() => validatePack(withExclusion('noTerms', { term: 'diffusion-model', at: [a, b] }))).toThrow(
        /is not a match of "diffusion-model"/,
      );
      // A span of the Chinese text given for the English text.
      expect(() => validatePack(withExclusion('noTermsEn', { term: 'signal-decomposition', at: [a, b] }))).toThrow(
        /noTermsEn\[0\]\.at: .* is not a match/,
      );
    });
    it('rejects a malformed exclusion', () => {
      expect(() => validatePack(withExclusion('noTerms', { term: 'signal-decomposition', at: [1.5, 3] }))).toThrow(
        /noTerms\[0\]\.at: expected \[start, end\] integers/,
      );
      expect(() => validatePack(withExclusion('noTerms', 'signal-decomposition'))).toThrow(/noTerms\[0\]: expected \{term, at/);
      const f = clone();
      f.segments[i]!.noTerms = [];
      expect(() => validatePack(f)).toThrow(/noTerms: expected a non-empty array when present/);
    });
  });

  describe('speakers: inferred labels and notes', () => {
    const meng = (): { f: ReturnType<typeof clone>; s: Obj } => {
      const f = clone();
      const s = f.speakers.find((x) => x.id === 'meng')!;
      return { f, s };
    };
    it('rejects an inferred label without a note', () => {
      const { f, s } = meng();
      delete s.note;
      delete s.noteEn;
      expect(() => validatePack(f)).toThrow(/speakers\[\d\] \(meng\)\.note: an inferred label needs a note/);
    });
    it('rejects a note in one language only, and Han characters in the English note', () => {
      const a = meng();
      delete a.s.noteEn;
      expect(() => validatePack(a.f)).toThrow(/\(meng\)\.noteEn: expected an English note beside the note/);
      const b = clone();
      delete b.speakers.find((x) => x.id === 'gu')!.note;
      expect(() => validatePack(b)).toThrow(/\(gu\)\.note: expected a note beside the English note/);
      const c = meng();
      c.s.noteEn = '推断 from the order';
      expect(() => validatePack(c.f)).toThrow(/\(meng\)\.noteEn: Han characters in an English field/);
    });
    it('rejects an inferred flag that is not a boolean', () => {
      const { f, s } = meng();
      s.inferred = 'yes';
      expect(() => validatePack(f)).toThrow(/\(meng\)\.inferred: expected true or false/);
    });
  });
});
