/** The raw text's timing structure (lib/cues.ts) and the cue-aware estimate built on it (layer 1). */
import { describe, expect, it } from 'vitest';
import { piecesOf } from '../../lib/cues';
import { timedUnits } from '../../lib/pack/source';
import { buildTimeline, CUE_MODEL, estimateStarts, estimateStartsByWeight, type TimedUnit } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';
import { canSynthesize, ensureCorpus } from '../../scripts/synth/corpus';
import { startErrors } from '../../scripts/synth/evaluate';

const pack = loadPack();
const units = timedUnits(pack);

describe('pieces of the raw text', () => {
  it('split the ASR cues of the real talk: 914 cues, a few split where a segment starts mid-cue', () => {
    const pieces = piecesOf(units);
    const body = pack.raw.slice(pack.segments[0]!.span[0]);
    const cues = body.split(/[，。\n]+/).filter((p) => /[\p{Script=Han}A-Za-z0-9]/u.test(p)).length;
    expect(cues).toBe(914);
    expect(pieces.length).toBeGreaterThanOrEqual(cues);
    expect(pieces.length).toBeLessThan(cues + pack.segments.length);
    // Every segment has exactly one first piece, in order.
    expect(pieces.filter((p) => p.first).map((p) => p.unit)).toEqual(pack.segments.map((_, i) => i));
    expect(pieces.reduce((s, p) => s + p.han, 0)).toBe((body.match(/\p{Script=Han}/gu) ?? []).length);
  });

  it('label the break before each piece: turn > paragraph > cue > none', () => {
    const pieces = piecesOf([
      { source: '一二，三四。\n\n五六', speaker: 'a' },
      { source: '七八', speaker: 'a' },
      { source: '九十，', speaker: 'b' },
      { source: '甲乙', speaker: 'b' },
    ]);
    expect(pieces.map((p) => [p.unit, p.before, p.syllables])).toEqual([
      [0, 'none', 2],
      [0, 'cue', 2],
      [0, 'para', 2],
      [1, 'none', 2], // a segment cut mid-cue
      [2, 'turn', 2],
      [3, 'cue', 2],
    ]);
  });
});

describe('cue-aware estimate (layer 1)', () => {
  const spread = (us: TimedUnit[]): number[] => {
    const s = estimateStarts(us, 100);
    return s.map((x, i) => (i + 1 < s.length ? s[i + 1]! : 100) - x);
  };
  it('gives a segment of many short cues more time than one long cue of the same characters', () => {
    const [many, one] = spread([
      { source: '一二，三四，五六，七八，', speaker: 'a' },
      { source: '一二三四五六七八，', speaker: 'a' },
      { source: '九十', speaker: 'a' },
    ]);
    expect(many! - one!).toBeCloseTo(
      (3 * CUE_MODEL.pause.cue * 100) / (3 * CUE_MODEL.pause.cue * 1 + 2 * CUE_MODEL.pause.cue + 18 * CUE_MODEL.perHan),
      6,
    );
    // The baseline weighs characters only.
    const old = estimateStartsByWeight(
      [
        { source: '一二，三四，五六，七八，', speaker: 'a' },
        { source: '一二三四五六七八，', speaker: 'a' },
      ],
      100,
    );
    expect(old[1]).toBe(50);
  });
  it('pauses longer after a paragraph than after a cue, longest at a turn', () => {
    const at = (sep: string, speaker: string): number =>
      estimateStarts(
        [
          { source: `一二三四${sep}`, speaker: 'a' },
          { source: '五六七八', speaker },
        ],
        100,
      )[1]!;
    expect(at('', 'a')).toBeLessThan(at('，', 'a'));
    expect(at('，', 'a')).toBeLessThan(at('。\n\n', 'a'));
    expect(at('。\n\n', 'a')).toBeLessThan(at('。\n\n', 'b'));
  });
  it('keeps the timeline contract: starts at 0, increasing, inside the duration; aligned layers win', () => {
    const s = estimateStarts(units, 2400);
    expect(s[0]).toBe(0);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
    expect(s[s.length - 1]!).toBeLessThan(2400);
    const aligned = s.map((x) => x * 0.95);
    expect(buildTimeline({ units, duration: 2400, aligned, alignedFrom: 'audio' }).source).toBe('audio');
    expect(buildTimeline({ units, duration: 2400, aligned }).source).toBe('subtitles');
    expect(buildTimeline({ units, duration: 2400 }).starts).toEqual(s);
  });

  it.skipIf(!canSynthesize())('beats the old estimate on synthetic speech excerpts (p90 start error)', { timeout: 120_000 }, async () => {
    for (const seed of [1, 2, 3]) {
      const { truth } = await ensureCorpus({ seed, seconds: 150 }, pack);
      const k = truth.starts.findIndex((x) => x === null);
      const sub = units.slice(0, k);
      const end = truth.starts[k - 1]! + 5; // the excerpt's segments, spread over their own span
      const known = truth.starts.slice(0, k);
      const old = startErrors(estimateStartsByWeight(sub, end), known);
      const cue = startErrors(estimateStarts(sub, end), known);
      expect(cue.p90, `seed ${seed}`).toBeLessThan(old.p90);
    }
  });
});
