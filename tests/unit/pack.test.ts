/** The talk pack as shipped: faithful to raw.txt, complete, and internally consistent (CONTENT.md). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countHan } from '../../lib/guard';
import { marksEn, marksZh, packMatchers } from '../../lib/pack/term-patterns';
import { bodyStart } from '../../lib/pack/validate';
import { createTermMatcher, type TermMatch } from '../../lib/terms';
import { loadPack, readCorrections, TALK_DIR } from '../../scripts/pack-files';

const pack = loadPack();
const rawFile = readFileSync(join(TALK_DIR, 'raw.txt'), 'utf8');
/** sha256 of the seed transcript (../shared/seed/transcript-raw.txt) when it was copied in. */
const SEED_SHA256 = '764430ed5031df1d075b1527135c4ff8cfa740b0e5c073af19d01b5114ba4b36';
const cleaned = pack.segments.map((s) => s.text).join('\n');
const HAN_ANYWHERE = /\p{Script=Han}/u;

describe('raw.txt', () => {
  it('is the seed transcript, verbatim (never edited)', () => {
    expect(createHash('sha256').update(rawFile).digest('hex')).toBe(SEED_SHA256);
  });
});

describe('segments', () => {
  it('tile raw.txt exactly, in order: nothing lost, reordered or invented', () => {
    let at = bodyStart(pack.raw);
    expect(pack.raw.slice(0, at)).toMatch(/^# .*BV1DS411w7hz\n\n$/);
    for (const s of pack.segments) {
      expect(s.span[0], s.id).toBe(at);
      at = s.span[1];
    }
    expect(at).toBe(pack.raw.length);
    expect(pack.segments.map((s) => pack.raw.slice(s.span[0], s.span[1])).join('')).toBe(pack.raw.slice(bodyStart(pack.raw)));
  });

  it('number several hundred, each at most 120 Han characters', () => {
    expect(pack.segments.length).toBeGreaterThanOrEqual(200);
    for (const s of pack.segments) expect(countHan(s.text), s.id).toBeLessThanOrEqual(120);
  });

  it('keep the substance: cleaned Han characters are 55–95% of the raw', () => {
    const ratio = countHan(cleaned) / countHan(pack.raw.slice(bodyStart(pack.raw)));
    expect(ratio).toBeGreaterThanOrEqual(0.55);
    expect(ratio).toBeLessThanOrEqual(0.95);
  });

  it('have ids that are unique and stable in form', () => {
    expect(new Set(pack.segments.map((s) => s.id)).size).toBe(pack.segments.length);
    for (const s of pack.segments) expect(s.id).toMatch(/^s\d{3}$/);
  });

  it('reference only speakers that exist', () => {
    const ids = new Set(pack.speakers.map((s) => s.id));
    for (const s of pack.segments) expect(ids.has(s.speaker), s.id).toBe(true);
  });

  it('leave no 呃 or 嗯 fillers', () => {
    for (const s of pack.segments) expect(s.text, s.id).not.toMatch(/[呃嗯]/);
  });

  it('carry an English rendering with no Han characters (quoted names aside)', () => {
    for (const s of pack.segments) {
      expect(s.textEn.trim().length, s.id).toBeGreaterThan(0);
      expect(HAN_ANYWHERE.test(s.textEn.replace(/“[^”]*”/g, '')), s.id).toBe(false);
    }
  });

  it('say why wherever they are uncertain', () => {
    const uncertain = pack.segments.filter((s) => s.uncertain !== undefined);
    expect(uncertain.length).toBeGreaterThan(0);
    for (const s of uncertain) expect(s.uncertain!.length, s.id).toBeGreaterThan(10);
  });
});

describe('ASR corrections', () => {
  const rows = readCorrections();
  it('has a real table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });
  it.each(rows.map((r) => [r.raw, r.fixed] as const))(
    '%s → %s: raw form in raw.txt, gone from the cleaned text, fix present',
    (raw, fixed) => {
      expect(pack.raw).toContain(raw);
      expect(cleaned).not.toContain(raw);
      expect(cleaned).toContain(fixed);
    },
  );
  it('includes the examples CONTENT.md gives', () => {
    const fixedFor = new Map(rows.map((r) => [r.raw, r.fixed]));
    expect(fixedFor.get('MANA')).toBe('Mamba');
    expect(fixedFor.get('传送门')).toBe('Transformer');
    expect(fixedFor.get('自富贵')).toBe('自回归');
    expect(cleaned).not.toMatch(/skin law/i);
    expect(cleaned).toContain('Scaling Law');
  });
});

describe('speakers', () => {
  it('are a moderator, five panelists and audience members, labelled as the room addresses them', () => {
    const roles = pack.speakers.map((s) => s.role);
    expect(roles.filter((r) => r === 'moderator')).toHaveLength(1);
    expect(roles.filter((r) => r === 'panelist')).toHaveLength(5);
    expect(roles.filter((r) => r === 'audience').length).toBeGreaterThanOrEqual(3);
    for (const s of pack.speakers.filter((x) => x.role === 'panelist')) expect(s.name).toMatch(/^.老师$/);
  });
  it('mark inferred labels, and say how in both languages', () => {
    expect(pack.speakers.some((s) => s.inferred)).toBe(true);
    for (const s of pack.speakers.filter((x) => x.inferred)) {
      expect(s.note?.length ?? 0, s.id).toBeGreaterThan(20);
      expect(s.noteEn?.length ?? 0, s.id).toBeGreaterThan(20);
    }
  });
  it('the panelist called 孟老师 only by one ASR word is marked inferred, with the evidence in the note', () => {
    const meng = pack.speakers.find((s) => s.id === 'meng')!;
    expect(meng.inferred).toBe(true);
    expect(meng.note).toMatch(/孟孟老师/);
    expect(meng.note).toMatch(/智杰/);
    expect(meng.note).toMatch(/上海交通大学/);
  });
  it('every one speaks', () => {
    for (const sp of pack.speakers)
      expect(
        pack.segments.some((s) => s.speaker === sp.id),
        sp.id,
      ).toBe(true);
  });
});

describe('chapters', () => {
  const index = new Map(pack.segments.map((s, i) => [s.id, i]));
  it('number 8–14, in order, on segment boundaries, covering the talk from the first segment', () => {
    expect(pack.chapters.length).toBeGreaterThanOrEqual(8);
    expect(pack.chapters.length).toBeLessThanOrEqual(14);
    const starts = pack.chapters.map((c) => index.get(c.segmentId));
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
  });
  it('have short titles and summaries in both languages', () => {
    for (const c of pack.chapters) {
      expect([...c.title].length, c.id).toBeLessThanOrEqual(20);
      expect(c.summary.length, c.id).toBeGreaterThan(10);
      expect(HAN_ANYWHERE.test(c.titleEn + c.summaryEn), c.id).toBe(false);
    }
  });
});

describe('glossary', () => {
  it('has at least 40 terms with every field', () => {
    expect(pack.terms.length).toBeGreaterThanOrEqual(40);
    for (const t of pack.terms) {
      for (const field of ['term', 'en', 'short', 'long', 'shortEn', 'longEn', 'usage', 'usageEn'] as const)
        expect(t[field].length, `${t.id}.${field}`).toBeGreaterThan(0);
      expect([...t.short].length, t.id).toBeLessThanOrEqual(60);
      expect([...t.long].length, t.id).toBeLessThanOrEqual(300);
      expect(t.links.length, t.id).toBeGreaterThanOrEqual(1);
      expect(t.links.length, t.id).toBeLessThanOrEqual(2);
    }
  });
  it('links are https', () => {
    for (const t of pack.terms) for (const l of t.links) expect(new URL(l.url).protocol, t.id).toBe('https:');
  });
  it('every term occurs in the cleaned text', () => {
    for (const t of pack.terms) {
      const m = createTermMatcher([t.term, ...(t.zh ? [t.zh] : []), ...t.aliases].map((pattern) => ({ termId: t.id, pattern })));
      expect(
        pack.segments.some((s) => m.find(s.text).length > 0),
        t.id,
      ).toBe(true);
    }
  });
  it('every alias matches somewhere', () => {
    for (const t of pack.terms) {
      for (const alias of t.aliases) {
        const m = createTermMatcher([{ termId: t.id, pattern: alias }]);
        expect(
          pack.segments.some((s) => m.find(s.text).length > 0),
          `${t.id}: ${alias}`,
        ).toBe(true);
      }
    }
  });
  it('related terms exist and English fields have no Han characters', () => {
    const ids = new Set(pack.terms.map((t) => t.id));
    for (const t of pack.terms) {
      for (const r of t.related) expect(ids.has(r), `${t.id} → ${r}`).toBe(true);
      expect(HAN_ANYWHERE.test(t.shortEn + t.longEn + t.en), t.id).toBe(false);
    }
  });
});

describe('term marks', () => {
  const matchers = packMatchers(pack.terms);
  const ids = new Set(pack.terms.map((t) => t.id));
  const WORD = /[A-Za-z0-9]/;
  /** A mark that starts or ends in the middle of a Latin word ("AR" in "VAR", "RL" in "world"). */
  const insideWord = (text: string, m: TermMatch): boolean =>
    (WORD.test(text[m.start] ?? '') && WORD.test(text[m.start - 1] ?? '')) ||
    (WORD.test(text[m.end - 1] ?? '') && WORD.test(text[m.end] ?? ''));
  const sides = (s: (typeof pack.segments)[number]) =>
    [
      { text: s.text, exclusions: s.noTerms ?? [], raw: matchers.zh.find(s.text), shown: marksZh(matchers, s) },
      { text: s.textEn, exclusions: s.noTermsEn ?? [], raw: matchers.en.find(s.textEn), shown: marksEn(matchers, s) },
    ] as const;

  it('every exclusion lies inside its segment and covers a real match of its term, which is then not shown', () => {
    let n = 0;
    for (const s of pack.segments) {
      for (const { text, exclusions, raw, shown } of sides(s)) {
        for (const x of exclusions) {
          n++;
          const [a, b] = x.at;
          expect(ids.has(x.term), `${s.id}: ${x.term}`).toBe(true);
          expect(a >= 0 && a < b && b <= text.length, `${s.id}: [${a}, ${b}]`).toBe(true);
          expect(
            raw.some((m) => m.termId === x.term && m.start === a && m.end === b),
            `${s.id}: "${text.slice(a, b)}"`,
          ).toBe(true);
          expect(
            shown.some((m) => m.start === a && m.end === b),
            `${s.id}: still shown`,
          ).toBe(false);
        }
      }
    }
    expect(n).toBeGreaterThanOrEqual(5);
  });

  it('no segment marks a term inside a longer Latin word, in Chinese or English text', () => {
    const bad: string[] = [];
    let marks = 0;
    for (const s of pack.segments) {
      for (const { text, shown } of sides(s)) {
        marks += shown.length;
        for (const m of shown) if (insideWord(text, m)) bad.push(`${s.id}: "${text.slice(m.start, m.end)}" (${m.termId})`);
      }
    }
    expect(marks).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  });

  it('short acronyms mark only themselves: AR not in VAR, RL not in world, SD not in SD3/SDXL', () => {
    const shortAcronyms = new Set(['AR', 'RL', 'SD', 'FID', 'VAR', 'ViT', 'NLL', 'GAN', 'SFT', 'PAC']);
    for (const s of pack.segments) {
      for (const { text, shown } of sides(s)) {
        for (const m of shown) {
          const surface = text.slice(m.start, m.end);
          if (shortAcronyms.has(surface.toUpperCase()) || shortAcronyms.has(surface)) expect(surface, s.id).toMatch(/^[A-Z][A-Za-z]*$/);
        }
      }
    }
    const at = (id: string) => pack.segments.find((s) => s.id === id)!;
    expect(marksZh(matchers, at('s076')).map((m) => m.termId)).toContain('var');
    expect(marksZh(matchers, at('s076')).map((m) => m.termId)).not.toContain('autoregressive');
    expect(marksEn(matchers, at('s081')).map((m) => m.termId)).not.toContain('rl');
    expect(marksZh(matchers, at('s289')).map((m) => m.termId)).toContain('stable-diffusion');
    expect(marksZh(matchers, at('s275')).map((m) => m.termId)).toEqual(['sd3']);
  });

  it("audience member 2's 思维链 (his own line of thought) does not open the chain-of-thought entry; audience member 1's does", () => {
    const cot = (id: string) => {
      const s = pack.segments.find((x) => x.id === id)!;
      return [...marksZh(matchers, s), ...marksEn(matchers, s)].filter((m) => m.termId === 'chain-of-thought').length;
    };
    for (const id of ['s232', 's236', 's238']) expect(cot(id), id).toBe(0);
    for (const id of ['s211', 's212', 's215']) expect(cot(id), id).toBeGreaterThan(0);
    for (const s of pack.segments.filter((x) => x.speaker === 'aud2')) expect(cot(s.id), s.id).toBe(0);
  });

  it('预训练 marks Pretraining; longer names win over the ones inside them', () => {
    const termsAt = (id: string) =>
      marksZh(
        matchers,
        pack.segments.find((s) => s.id === id)!,
      ).map((m) => m.termId);
    expect(termsAt('s283')).toContain('pretraining');
    expect(termsAt('s284')).toContain('pretraining');
    expect(termsAt('s284')).toContain('sd3');
    expect(termsAt('s034')).toEqual(['diffusionbert']);
    expect(termsAt('s020')).toContain('tokenization');
    expect(termsAt('s020')).not.toContain('token');
    expect(termsAt('s095')).toEqual(['nll', 'nll']);
  });
});
