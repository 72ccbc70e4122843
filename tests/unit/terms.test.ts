import { describe, expect, it } from 'vitest';
import { createTermMatcher, splitRuns, withoutExcluded } from '../../lib/terms';

const m = createTermMatcher([
  { termId: 'ar', pattern: 'AR' },
  { termId: 'var', pattern: 'VAR' },
  { termId: 'sl', pattern: 'Scaling Law' },
  { termId: 'scaling', pattern: 'scaling' },
  { termId: 'dm', pattern: '扩散模型' },
  { termId: 'diff', pattern: '扩散' },
  { termId: 'tf', pattern: 'Transformer' },
]);
const ids = (text: string): string[] => m.find(text).map((x) => `${x.termId}@${x.start}-${x.end}`);

describe('term matcher', () => {
  it('finds canonical names and aliases', () => {
    expect(ids('用Transformer做扩散')).toEqual(['tf@1-12', 'diff@13-15']);
  });
  it('matches Latin case-insensitively, keeping original offsets', () => {
    expect(ids('the scaling law and SCALING LAW')).toEqual(['sl@4-15', 'sl@20-31']);
  });
  it('lets the longest match win', () => {
    expect(ids('扩散模型和扩散')).toEqual(['dm@0-4', 'diff@5-7']);
    expect(ids('scaling law')).toEqual(['sl@0-11']);
  });
  it('never matches inside a longer Latin word', () => {
    expect(ids('VAR and ARM and bAR, AR.')).toEqual(['var@0-3', 'ar@21-23']);
    expect(ids('transformers')).toEqual([]);
    expect(ids('AR模型')).toEqual(['ar@0-2']);
  });
  it('falls back to a shorter pattern when the longer one breaks a word boundary', () => {
    const x = createTermMatcher([
      { termId: 'a', pattern: 'fine' },
      { termId: 'b', pattern: 'fine-tune' },
    ]);
    // "fine-tune" would end inside "tuned"; the hyphen is a boundary, so "fine" is what matches.
    expect(x.find('fine-tuned').map((r) => r.termId)).toEqual(['a']);
    expect(x.find('fine-tune it').map((r) => r.termId)).toEqual(['b']);
    expect(x.find('fine, fine-tunes').map((r) => r.termId)).toEqual(['a', 'a']);
  });
  it('finds every match in a long text (one pass)', () => {
    const text = '我们用扩散模型做scaling，'.repeat(20_000);
    const found = m.find(text);
    expect(found).toHaveLength(40_000);
  });
  it('splits text into plain and term runs that rebuild the text', () => {
    const text = '看VAR和扩散模型。';
    const runs = splitRuns(text, m.find(text));
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.termId).map((r) => r.termId)).toEqual(['var', 'dm']);
  });
});

describe('acronyms and exclusions', () => {
  const x = createTermMatcher([
    { termId: 'ar', pattern: 'AR' },
    { termId: 'rl', pattern: 'RL' },
    { termId: 'sd', pattern: 'SD' },
    { termId: 'sd3', pattern: 'SD3' },
    { termId: 'tf', pattern: 'Transformer' },
  ]);
  const ids = (text: string): string[] => x.find(text).map((r) => `${r.termId}@${r.start}-${r.end}`);
  it('matches all-capital acronyms only as written', () => {
    expect(ids('AR and ar, RL and rl, SD and sd')).toEqual(['ar@0-2', 'rl@11-13', 'sd@22-24']);
    expect(ids('world, early, are, fairly')).toEqual([]);
    expect(ids('transformer')).toEqual(['tf@0-11']);
  });
  it('keeps the longest acronym and never one inside a word', () => {
    expect(ids('SD3和SD，SDXL')).toEqual(['sd3@0-3', 'sd@4-6']);
  });
  it('drops exactly the excluded matches', () => {
    const text = 'AR和AR';
    const all = x.find(text);
    expect(withoutExcluded(all, [{ term: 'ar', at: [3, 5] }]).map((r) => r.start)).toEqual([0]);
    // Another term or another span excludes nothing.
    expect(withoutExcluded(all, [{ term: 'rl', at: [3, 5] }])).toHaveLength(2);
    expect(withoutExcluded(all, [{ term: 'ar', at: [2, 5] }])).toHaveLength(2);
    expect(withoutExcluded(all, undefined)).toBe(all);
  });
});
