/** The listener API the content script calls: anchors → starts, merging, subtitle disagreement, the listener. */
import { describe, expect, it } from 'vitest';
import { createFeatureExtractor } from '../../lib/audio/features';
import {
  alignFromFeatures,
  audioStarts,
  createAudioListener,
  disagreements,
  drain,
  mergeAnchors,
  startsFromAnchors,
  type AudioAlignment,
  type FeatureChunk,
} from '../../lib/audio/index';
import { timedUnits } from '../../lib/pack/source';
import { DEFAULT_DURATION, modelStarts } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';
import { canSynthesize, ensureCorpus } from '../../scripts/synth/corpus';
import { featuresOf, readWav } from '../../scripts/synth/evaluate';

const pack = loadPack();
const units = timedUnits(pack);

describe('starts from anchors', () => {
  const model = { starts: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90], total: 100 };
  it('without anchors: the estimate scaled to the duration', () => {
    expect(startsFromAnchors(model, [], 200, null)).toEqual(model.starts.map((s) => s * 2));
  });
  it('between anchors: the model proportions; ahead: the measured rate, then filling the duration', () => {
    const anchors = [
      { index: 1, time: 15, confidence: 1 },
      { index: 3, time: 45, confidence: 1 },
    ];
    // 200 s in all: the rest (70 model s) would fill at 155/70 ≈ 2.2 s per model second.
    const s = startsFromAnchors(model, anchors, 200, 1.5);
    expect(s[2]).toBeCloseTo(30, 6);
    // Just past the last anchor the pace is near the measured 1.5 s per model second …
    expect(s[4]! - s[3]!).toBeGreaterThan(14.5);
    expect(s[4]! - s[3]!).toBeLessThan(17);
    // … and far ahead it bends towards filling the rest of the duration.
    expect(s[9]!).toBeGreaterThan(45 + 60 * 1.5);
    expect(s[9]!).toBeLessThan(200);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThanOrEqual(s[i - 1]!);
    // Before the first anchor: towards 0.
    expect(s[0]).toBeGreaterThanOrEqual(0);
    expect(s[0]).toBeLessThan(15);
  });
  it('stored anchors alone (a second viewing) give the same starts as the alignment did', () => {
    const m = modelStarts(units);
    const anchors = [10, 40, 80, 120, 160, 200].map((index) => ({ index, time: (m.starts[index] as number) * 1.1, confidence: 0.9 }));
    const s = audioStarts(units, anchors, DEFAULT_DURATION);
    for (const a of anchors) expect(s[a.index]).toBeCloseTo(a.time, 6);
    expect(audioStarts(units, [{ index: 10, time: 50, confidence: 0.2 }], DEFAULT_DURATION)[10]).not.toBe(50); // too weak: ignored
  });
});

describe('merging and comparing', () => {
  const fresh = (anchors: AudioAlignment['anchors'], heard: [number, number][]): AudioAlignment => ({
    anchors,
    heard,
    heardSeconds: 0,
    speechSeconds: 0,
    rate: null,
    starts: [],
  });
  it('fresh anchors rule inside what was heard; stored ones stay elsewhere; order holds', () => {
    const stored = [
      { index: 1, time: 10, confidence: 0.9 },
      { index: 5, time: 50, confidence: 0.9 },
      { index: 9, time: 90, confidence: 0.9 },
    ];
    const merged = mergeAnchors(
      stored,
      fresh(
        [
          { index: 5, time: 52, confidence: 0.95 },
          { index: 6, time: 60, confidence: 0.95 },
        ],
        [[40, 70]],
      ),
    );
    expect(merged.map((a) => [a.index, a.time])).toEqual([
      [1, 10],
      [5, 52],
      [6, 60],
      [9, 90],
    ]);
  });
  it('reports where subtitles and audio disagree by more than 3 s', () => {
    expect(
      disagreements(
        [0, 10, 20, 30],
        [
          { index: 1, time: 12, confidence: 1 },
          { index: 2, time: 24, confidence: 1 },
        ],
      ),
    ).toEqual([{ index: 2, subtitles: 20, audio: 24 }]);
  });
});

describe.skipIf(!canSynthesize())('the listener', () => {
  it('takes chunks in any order (seeks) and aligns like the batch path', { timeout: 60_000 }, async () => {
    const { wav } = await ensureCorpus({ seed: 2, seconds: 150 }, pack);
    const pcm = readWav(wav);
    const ex = createFeatureExtractor({ sampleRate: pcm.sampleRate });
    const chunks: FeatureChunk[] = [];
    for (let i = 0; i < pcm.samples.length; i += 128) chunks.push(...ex.push(pcm.samples.subarray(i, i + 128), i / pcm.sampleRate));
    chunks.push(...ex.flush());
    const listener = createAudioListener(units, DEFAULT_DURATION);
    for (const c of [...chunks.slice(100), ...chunks.slice(0, 100)]) listener.add(structuredClone(c));
    listener.add({ t: -5, hop: 0.01, band: new Uint8Array(3), full: new Uint8Array(3) }); // invalid: ignored
    expect(listener.heardSeconds()).toBeCloseTo(pcm.samples.length / pcm.sampleRate, 0);
    const live = drain(listener.alignSteps());
    const batch = alignFromFeatures(featuresOf(pcm).frames(), units, DEFAULT_DURATION);
    expect(live.anchors.length).toBeGreaterThanOrEqual(8);
    expect(live.anchors.map((a) => a.index)).toEqual(batch.anchors.map((a) => a.index));
    live.anchors.forEach((a, k) => expect(a.time).toBeCloseTo(batch.anchors[k]!.time, 1));
    listener.clear();
    expect(listener.heardSeconds()).toBe(0);
    expect(drain(listener.alignSteps()).anchors).toEqual([]);
  });
});
