import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyAnchors,
  buildTimeline,
  DEFAULT_DURATION,
  estimateStarts,
  normalizeAnchors,
  weightOf,
  type TimedUnit,
} from '../../lib/timeline';
import { timedUnits } from '../../lib/pack/source';
import { loadPack } from '../../scripts/pack-files';

const pack = loadPack();
const units: TimedUnit[] = timedUnits(pack);
const unitsArb = fc.array(
  fc.record({ source: fc.stringMatching(/^[\u4e00-\u4e10a-z ,，]{1,40}$/), speaker: fc.constantFrom('a', 'b', 'c') }),
  { minLength: 1, maxLength: 60 },
);

describe('weights', () => {
  it('count Han characters, Latin words and numbers', () => {
    expect(weightOf('扩散模型')).toBe(4);
    expect(weightOf('用Transformer做')).toBe(2 + 2);
    expect(weightOf('10亿')).toBe(1 + 1.5);
  });
});

describe('estimate (layer 1)', () => {
  it('spreads the real talk over the duration, monotonic, starting at 0', () => {
    const starts = estimateStarts(units, DEFAULT_DURATION);
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
    expect(starts[starts.length - 1]!).toBeLessThan(DEFAULT_DURATION);
  });
  it('adds a pause at speaker turns', () => {
    const same = estimateStarts(
      [
        { source: '一二', speaker: 'a' },
        { source: '三四', speaker: 'a' },
      ],
      8,
    );
    const turn = estimateStarts(
      [
        { source: '一二', speaker: 'a' },
        { source: '三四', speaker: 'b' },
      ],
      8,
    );
    expect(turn[1]! / 8).toBeGreaterThan(same[1]! / 8);
  });
  it('property: starts are non-decreasing and within [0, duration]', () => {
    fc.assert(
      fc.property(unitsArb, fc.double({ min: 1, max: 10_000, noNaN: true }), (us, d) => {
        const s = estimateStarts(us, d);
        return s.every((x, i) => x >= 0 && x <= d && (i === 0 || x >= s[i - 1]!));
      }),
    );
  });
});

describe('timeline', () => {
  it('lookup inverts starts (property)', () => {
    fc.assert(
      fc.property(unitsArb, fc.double({ min: 10, max: 10_000, noNaN: true }), (us, d) => {
        const tl = buildTimeline({ units: us, duration: d });
        return tl.starts.every((s, i) => tl.lookup(s) === i || tl.starts[i + 1] === s);
      }),
    );
  });
  it('lookup finds the segment playing at any time, -1 before the first', () => {
    const tl = buildTimeline({ units, duration: 2400 });
    expect(tl.lookup(-1)).toBe(-1);
    expect(tl.lookup(0)).toBe(0);
    expect(tl.lookup(2400)).toBe(units.length - 1);
    for (let i = 0; i < units.length; i++) {
      const mid = (tl.starts[i]! + tl.end(i)) / 2;
      expect(tl.lookup(mid)).toBe(i);
    }
    expect(tl.source).toBe('estimate');
  });
  it('anchors hit exactly, times stay monotonic and clamped (property)', () => {
    const base = estimateStarts(units, 2400);
    fc.assert(
      fc.property(
        fc.array(fc.record({ index: fc.integer({ min: 0, max: units.length - 1 }), time: fc.double({ min: 0, max: 2400, noNaN: true }) }), {
          maxLength: 8,
        }),
        (anchors) => {
          const out = applyAnchors(base, anchors, 2400);
          const kept = normalizeAnchors(anchors, units.length, 2400);
          const monotone = out.every((x, i) => x >= 0 && x <= 2400 && (i === 0 || x >= out[i - 1]!));
          return monotone && kept.every((a) => out[a.index] === a.time);
        },
      ),
    );
  });
  it('a later anchor wins over an earlier one it contradicts', () => {
    const kept = normalizeAnchors(
      [
        { index: 10, time: 500 },
        { index: 20, time: 400 },
      ],
      100,
      2400,
    );
    expect(kept).toEqual([{ index: 20, time: 400 }]);
  });
  it('interpolates linearly between anchors', () => {
    const base = [0, 10, 20, 30, 40];
    // Control points (0→0), (20→30), (50→50): the tail is stretched between the anchor and the end.
    const out = applyAnchors(base, [{ index: 2, time: 30 }], 50);
    expect(out.slice(0, 3)).toEqual([0, 15, 30]);
    expect(out[3]).toBeCloseTo(30 + (10 * 20) / 30, 9);
    expect(out[4]).toBeCloseTo(30 + (20 * 20) / 30, 9);
  });
  it('a global offset shifts everything, clamped to the clip', () => {
    const a = buildTimeline({ units, duration: 2400 });
    const b = buildTimeline({ units, duration: 2400, offset: 1.5 });
    expect(b.starts[5]).toBeCloseTo(a.starts[5]! + 1.5, 9);
    expect(b.starts[0]).toBe(1.5);
    expect(b.source).toBe('calibrated');
    const c = buildTimeline({ units, duration: 2400, offset: -5 });
    expect(c.starts[0]).toBe(0);
  });
  it('uses aligned starts (layer 2) when given, and says so', () => {
    const aligned = estimateStarts(units, 2400).map((s) => s * 0.9);
    const tl = buildTimeline({ units, duration: 2400, aligned });
    expect(tl.starts[100]).toBeCloseTo(aligned[100]!, 9);
    expect(tl.source).toBe('subtitles');
    expect(buildTimeline({ units, duration: 2400, aligned: aligned.slice(1) }).source).toBe('estimate');
  });
});
