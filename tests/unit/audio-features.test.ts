/** Listen to align, the signal side: the feature extractor, the media-time store, speech runs and peaks. */
import { describe, expect, it } from 'vitest';
import { detect, heardStretches } from '../../lib/audio/detect';
import { createFeatureExtractor, levelDb, type FeatureChunk } from '../../lib/audio/features';
import { isChunk } from '../../lib/audio/index';
import { createFeatureStore } from '../../lib/audio/store';
import { bursts, concat, silence, tone, whiteNoise } from './audio/signals';

function feed(samples: Float32Array, fs: number, block = 128, t0 = 0): FeatureChunk[] {
  const ex = createFeatureExtractor({ sampleRate: fs });
  const out: FeatureChunk[] = [];
  for (let i = 0; i < samples.length; i += block) out.push(...ex.push(samples.subarray(i, i + block), t0 + i / fs));
  out.push(...ex.flush());
  return out;
}

const meanDb = (chunks: FeatureChunk[], key: 'band' | 'full', skip = 10): number => {
  const v = chunks.flatMap((c) => [...c[key]]).slice(skip);
  return v.reduce((s, x) => s + levelDb(x), 0) / v.length;
};

describe('feature extractor', () => {
  for (const fs of [16000, 44100, 48000]) {
    it(`measures the speech band at ${fs} Hz: 1 kHz in, 80 Hz and 6 kHz out`, () => {
      const mid = meanDb(feed(tone(2, fs, 1000), fs), 'band');
      const low = meanDb(feed(tone(2, fs, 80), fs), 'band');
      const high = meanDb(feed(tone(2, fs, 6000), fs), 'band');
      // A 0.3-amplitude sine: RMS² = 0.045 → −13.5 dBFS full band.
      expect(meanDb(feed(tone(2, fs, 1000), fs), 'full')).toBeCloseTo(-13.5, 0);
      expect(mid).toBeGreaterThan(-15);
      expect(low).toBeLessThan(mid - 18);
      expect(high).toBeLessThan(mid - 12);
    });
  }

  it('emits 10 ms frames in chunks of 50, stamped with media time, whatever the block size', () => {
    const fs = 48000;
    const x = whiteNoise(3, fs, 0.1);
    const a = feed(x, fs, 128, 12.5);
    const b = feed(x, fs, 4096, 12.5);
    expect(a[0]!.t).toBeCloseTo(12.5, 9);
    expect(a[0]!.hop).toBe(0.01);
    expect(a[0]!.band.length).toBe(50);
    expect(a[1]!.t).toBeCloseTo(13.0, 9);
    expect(a.reduce((s, c) => s + c.band.length, 0)).toBe(300);
    expect(b.map((c) => [...c.band])).toEqual(a.map((c) => [...c.band]));
  });

  it('puts frames on a grid of media time and starts a new chunk at a seek', () => {
    const fs = 16000;
    const ex = createFeatureExtractor({ sampleRate: fs });
    const block = tone(0.1, fs, 500);
    const out: FeatureChunk[] = [];
    for (let k = 0; k < 10; k++) out.push(...ex.push(block, 3.004 + k * 0.1));
    for (let k = 0; k < 10; k++) out.push(...ex.push(block, 100 + k * 0.1)); // a seek
    out.push(...ex.flush());
    expect(out[0]!.t).toBeCloseTo(3.01, 9); // the first whole frame on the grid
    const jump = out.find((c) => c.t >= 100)!;
    expect(jump.t).toBeCloseTo(100, 9);
    expect(out.filter((c) => c.t < 100).reduce((s, c) => s + c.band.length, 0)).toBe(99);
  });

  it('follows the playback rate: at 2× a second of audio is two seconds of media', () => {
    const fs = 16000;
    const ex = createFeatureExtractor({ sampleRate: fs });
    const out = [...ex.push(tone(1, fs, 500), 0, 2), ...ex.flush()];
    expect(out.reduce((s, c) => s + c.band.length, 0)).toBe(200);
  });

  it('ignores input with no media time, and rejects absurd sample rates', () => {
    const ex = createFeatureExtractor({ sampleRate: 16000 });
    expect(ex.push(tone(1, 16000, 500), NaN)).toEqual([]);
    expect(() => createFeatureExtractor({ sampleRate: 0 })).toThrow(RangeError);
  });

  it('chunks survive structured cloning (a worklet posts them) and validate', () => {
    const [chunk] = feed(tone(1, 16000, 500), 16000);
    const copy = structuredClone(chunk!);
    expect(isChunk(copy)).toBe(true);
    expect([...copy.band]).toEqual([...chunk!.band]);
    expect(isChunk({ ...copy, t: -1 })).toBe(false);
    expect(isChunk({ ...copy, band: [1, 2] })).toBe(false);
    expect(isChunk(null)).toBe(false);
  });

  it('costs little: under 2% of a core at 48 kHz in 128-sample blocks', () => {
    const fs = 48000;
    const ex = createFeatureExtractor({ sampleRate: fs });
    const block = tone(128 / fs, fs, 700);
    ex.push(block, 0);
    const seconds = 20;
    const t0 = performance.now();
    for (let k = 1; k < (seconds * fs) / 128; k++) ex.push(block, (k * 128) / fs);
    // 2% of a core = 20 ms per second of audio; generous for a shared CI machine.
    expect((performance.now() - t0) / seconds).toBeLessThan(20);
  });
});

describe('feature store', () => {
  it('places chunks by media time, counts a frame heard twice once, and reports the gaps', () => {
    const store = createFeatureStore();
    const fs = 16000;
    for (const c of feed(tone(2, fs, 500), fs, 512, 10)) store.add(c);
    for (const c of feed(tone(2, fs, 500), fs, 512, 11)) store.add(c); // overlaps 11–12
    for (const c of feed(tone(1, fs, 500), fs, 512, 30)) store.add(c);
    expect(store.heardSeconds()).toBeCloseTo(4, 1);
    const stretches = heardStretches(store.frames());
    expect(stretches.map(([a, b]) => [Math.round(a), Math.round(b)])).toEqual([
      [10, 13],
      [30, 31],
    ]);
  });
});

describe('speech runs and syllable peaks', () => {
  const fs = 16000;
  const frames = (x: Float32Array) => {
    const store = createFeatureStore();
    for (const c of feed(x, fs, 1024)) store.add(c);
    return store.frames();
  };

  it('finds syllable-like bursts as runs separated by pauses, one peak per burst', () => {
    // 4 bursts of 0.2 s (0.05 s apart: one run), then 0.4 s pause, repeated; over a noise floor.
    const phrase = concat(bursts(1, fs, 0.2, 0.05), silence(0.4, fs));
    const x = concat(...Array.from({ length: 20 }, () => phrase));
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + (((i * 7919) % 1000) / 1000 - 0.5) * 0.002;
    const d = detect(frames(x));
    expect(d.runs.length).toBeGreaterThanOrEqual(18);
    expect(d.runs.length).toBeLessThanOrEqual(21);
    const peaks = d.runs.reduce((s, r) => s + r.peaks.length, 0);
    expect(peaks / d.runs.length).toBeGreaterThan(3);
    expect(peaks / d.runs.length).toBeLessThan(5);
  });

  it('ignores heard fragments under 2 s (a user scrubbing): speech in them is no run, and not heard', () => {
    const phrase = concat(bursts(1, fs, 0.2, 0.05), silence(0.4, fs));
    const store = createFeatureStore();
    // Twenty 0.5 s fragments of speech, 10 s apart (as a seek storm leaves them), then 3 s heard whole.
    for (let k = 0; k < 20; k++) for (const c of feed(phrase.subarray(0, fs / 2), fs, 1024, 100 + 10 * k)) store.add(c);
    expect(detect(store.frames()).runs).toEqual([]);
    expect(detect(store.frames()).heardSeconds).toBe(0);
    for (const c of feed(concat(phrase, phrase, phrase), fs, 1024, 500)) store.add(c);
    const d = detect(store.frames());
    expect(d.runs.length).toBeGreaterThanOrEqual(2);
    expect(d.runs.every((r) => r.start >= 500)).toBe(true);
    expect(d.heardSeconds).toBeCloseTo(4.2, 0);
  });

  it('finds no speech in silence, in steady noise, or in a held tone', () => {
    expect(detect(frames(silence(30, fs))).runs).toEqual([]);
    expect(detect(frames(whiteNoise(30, fs, 0.2))).runs).toEqual([]);
    expect(detect(frames(tone(30, fs, 440))).runs).toEqual([]);
  });
});
