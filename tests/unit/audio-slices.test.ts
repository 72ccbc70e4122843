/**
 * Alignment in slices: the step generator gives the same result as the one-go alignment, in
 * many short steps, and the slicer keeps each slice near its budget, pauses between slices and
 * drops the work when its lifetime ends.
 */
import { describe, expect, it } from 'vitest';
import { alignFromFeatures, alignSteps } from '../../lib/audio/align';
import { drain, runSliced } from '../../lib/audio/slices';
import { timedUnits } from '../../lib/pack/source';
import { DEFAULT_DURATION } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';
import { canSynthesize, ensureCorpus } from '../../scripts/synth/corpus';
import { featuresOf, readWav } from '../../scripts/synth/evaluate';

function* counter(n: number, onStep: () => void): Generator<void, number> {
  for (let i = 0; i < n; i++) {
    onStep();
    yield;
  }
  return n;
}

describe('runSliced', () => {
  it('runs steps until the budget is spent, pauses, and returns the result', async () => {
    let clock = 0;
    let pauses = 0;
    const stats = { slices: 0, longestMs: 0 };
    const result = await runSliced(
      counter(20, () => (clock += 3)),
      { budgetMs: 8, now: () => clock, pause: async () => void pauses++ },
      stats,
    );
    expect(result).toBe(20);
    // 3 ms steps in an 8 ms budget: three steps (9 ms) a slice; 21 next() calls in all.
    expect(stats.longestMs).toBe(9);
    expect(stats.slices).toBe(7);
    expect(pauses).toBe(6);
  });

  it('rejects with the reason when its lifetime ends, and runs no further step', async () => {
    const ac = new AbortController();
    let steps = 0;
    let clock = 0;
    const run = runSliced(
      counter(100, () => {
        steps++;
        clock += 5;
      }),
      { budgetMs: 8, now: () => clock, pause: async () => ac.abort(new Error('gone')), signal: ac.signal },
    );
    await expect(run).rejects.toThrow('gone');
    expect(steps).toBe(2);
  });
});

describe.skipIf(!canSynthesize())('alignSteps on synthetic speech', () => {
  it('equals the one-go alignment, in many steps (their length is measured by the bench)', { timeout: 120_000 }, async () => {
    const pack = loadPack();
    const units = timedUnits(pack);
    const { wav } = await ensureCorpus({ seed: 2, seconds: 150 }, pack);
    const frames = featuresOf(readWav(wav)).frames();
    const once = alignFromFeatures(frames, units, DEFAULT_DURATION);
    expect(once.anchors.length).toBeGreaterThan(5);

    const gen = alignSteps(frames, units, DEFAULT_DURATION);
    let steps = 0;
    let r = gen.next();
    while (!r.done) {
      steps++;
      r = gen.next();
    }
    expect(r.value).toEqual(once);
    // Yields inside every DP pass and the confidence loop, not only between phases.
    expect(steps).toBeGreaterThan(12);
    expect(drain(alignSteps(frames, units, DEFAULT_DURATION))).toEqual(once);
  });
});
