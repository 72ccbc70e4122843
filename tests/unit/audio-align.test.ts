/**
 * Listen to align on synthetic speech (espeak-ng + sox, made at test time and cached in
 * .cache/synth/): excerpts of the talk per seed, heard whole, with seeks, then switched to
 * another text; and the gates that keep audio that is not this talk from giving anchors.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { alignFromFeatures } from '../../lib/audio/align';
import { timedUnits } from '../../lib/pack/source';
import { DEFAULT_DURATION } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';
import { canSynthesize, ensureCorpus } from '../../scripts/synth/corpus';
import { featuresOf, readWav, startErrors } from '../../scripts/synth/evaluate';
import { throughOpus } from '../../scripts/synth/opus';
import { wavBytes } from '../../scripts/synth/wav';
import { bursts, concat, music, silence, whiteNoise } from './audio/signals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pack = loadPack();
const units = timedUnits(pack);
const SYNTH = canSynthesize();
if (!SYNTH) console.warn('[audio-align] espeak-ng or sox missing: the synthetic-speech tests are SKIPPED (apt-get install espeak-ng sox)');
const EXCERPT = 150;
const fs = 16000;

describe('gates: audio that is not speech gives no anchors', () => {
  const none = (samples: Float32Array): number =>
    alignFromFeatures(featuresOf({ sampleRate: fs, samples }).frames(), units, DEFAULT_DURATION).anchors.length;
  it('silence (a muted tab or stream)', () => expect(none(silence(180, fs))).toBe(0));
  it('white noise', () => expect(none(whiteNoise(180, fs, 0.1))).toBe(0));
  it('music-like tones', () => {
    expect(none(music(180, fs, 1))).toBe(0);
    expect(none(music(180, fs, 7))).toBe(0);
  });
  it('a syllable-rate click train with pauses', () => expect(none(bursts(180, fs, 0.2, 0.12))).toBe(0));
});

describe.skipIf(!SYNTH)('on synthetic speech of the talk', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: an excerpt heard whole gives accurate anchors and starts`, { timeout: 120_000 }, async () => {
      const { wav, truth } = await ensureCorpus({ seed, seconds: EXCERPT }, pack);
      const res = alignFromFeatures(featuresOf(readWav(wav)).frames(), units, DEFAULT_DURATION);
      expect(res.anchors.length).toBeGreaterThanOrEqual(8);
      for (const a of res.anchors) expect(Math.abs(a.time - (truth.starts[a.index] as number))).toBeLessThan(2);
      // Every segment said well inside the excerpt: aligned, or interpolated between anchors.
      const inside = truth.starts.map((s) => (s !== null && s < truth.duration - 15 ? s : null));
      const stats = startErrors(res.starts, inside);
      expect(stats.median).toBeLessThan(0.5);
      expect(stats.p90).toBeLessThan(3);
      expect(res.heardSeconds).toBeCloseTo(truth.duration, 0);
    });
  }

  it(
    'as the browser hears it (the E2E fixture: Opus at 32 kb/s, 48 kHz): a 12 s dropout keeps its text, every anchor within 1 s',
    { timeout: 180_000 },
    async () => {
      // The pass through the codec splits one run differently; the DP then called the dropout a
      // pause and squeezed its text into the runs before it (anchors 1.8 s early and 4.3 s late).
      // The fixture's audio path (scripts/synth/video.ts) without the video: the excerpt padded with
      // silence, Opus at 32 kb/s, decoded at 48 kHz as Chromium plays it.
      const { wav, truth } = await ensureCorpus({ seed: 1, seconds: EXCERPT }, pack);
      const [lost0, lost1] = truth.missing ?? [0, 0];
      expect(lost1 - lost0).toBeGreaterThan(10);
      const res = alignFromFeatures(featuresOf(throughOpus(wav), [[0, 160]], 4096).frames(), units, DEFAULT_DURATION);
      expect(res.anchors.length).toBeGreaterThanOrEqual(8);
      for (const a of res.anchors) expect(Math.abs(a.time - (truth.starts[a.index] as number)), `s${a.index + 1}`).toBeLessThan(1);
    },
  );

  it(
    'short gaps in what was heard (sound lost while the page stalled) do not swallow text before the dropout',
    { timeout: 180_000 },
    async () => {
      // Gaps from runs of the bench's stall replay (scripts/synth/stalls.ts) that gave anchors 1.2 and
      // 7–9 s off: the DP put seconds of text into a gap of half a second to keep the 12 s dropout
      // empty. A short gap now holds about its own length of speech.
      const { wav, truth } = await ensureCorpus({ seed: 1, seconds: EXCERPT }, pack);
      const pcm = throughOpus(wav);
      const gapped: [number, number][][] = [
        [
          [0, 31.7],
          [32.3, 70.7],
          [71.4, 160],
        ],
        [
          [2.7, 123],
          [123.4, 160],
        ],
      ];
      for (const heard of gapped) {
        const res = alignFromFeatures(featuresOf(pcm, heard, 4096).frames(), units, DEFAULT_DURATION);
        expect(res.anchors.length).toBeGreaterThanOrEqual(5);
        for (const a of res.anchors)
          expect(Math.abs(a.time - (truth.starts[a.index] as number)), `s${a.index + 1}, heard ${JSON.stringify(heard)}`).toBeLessThan(1);
      }
    },
  );

  it('seeks: only what was heard is anchored, and it is right', { timeout: 120_000 }, async () => {
    const { wav, truth } = await ensureCorpus({ seed: 2, seconds: EXCERPT }, pack);
    const heard: [number, number][] = [
      [0, 50],
      [80, 150],
      [40, 60], // back again, overlapping
    ];
    const res = alignFromFeatures(featuresOf(readWav(wav), heard).frames(), units, DEFAULT_DURATION);
    expect(res.heard.map(([a, b]) => [Math.round(a), Math.round(b)])).toEqual([
      [0, 60],
      [80, Math.round(Math.min(150, truth.duration))],
    ]);
    expect(res.anchors.length).toBeGreaterThanOrEqual(5);
    for (const a of res.anchors) {
      expect(res.heard.some(([x, y]) => a.time >= x && a.time < y)).toBe(true);
      expect(Math.abs(a.time - (truth.starts[a.index] as number))).toBeLessThan(2);
    }
  });

  it('another Chinese text (a different talk) gives no anchors', { timeout: 120_000 }, async () => {
    for (const seed of [8, 9]) {
      const { wav } = await ensureCorpus({ seed, seconds: 240, text: 'foreign' }, pack);
      expect(alignFromFeatures(featuresOf(readWav(wav)).frames(), units, DEFAULT_DURATION).anchors).toEqual([]);
    }
  });

  it('a video switched mid-listen: anchors from the talk stay, none from the other audio', { timeout: 120_000 }, async () => {
    const talk = readWav((await ensureCorpus({ seed: 3, seconds: EXCERPT }, pack)).wav);
    const other = readWav((await ensureCorpus({ seed: 9, seconds: 240, text: 'foreign' }, pack)).wav);
    const store = featuresOf({ sampleRate: talk.sampleRate, samples: concat(talk.samples, other.samples) });
    const res = alignFromFeatures(store.frames(), units, DEFAULT_DURATION);
    const cut = talk.samples.length / talk.sampleRate;
    expect(res.anchors.filter((a) => a.time < cut).length).toBeGreaterThanOrEqual(5);
    expect(res.anchors.filter((a) => a.time >= cut)).toEqual([]);
  });

  it('CLI: align-audio prints the export contract with starts from the audio; clear errors', { timeout: 120_000 }, async () => {
    const { wav, truth } = await ensureCorpus({ seed: 1, seconds: EXCERPT }, pack);
    const out = execFileSync('npx', ['tsx', 'scripts/align-audio.ts', wav, '--json', '--duration', String(DEFAULT_DURATION)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const doc = JSON.parse(out) as { timing: string; duration: number; segments: { id: string; start: number }[]; video: unknown };
    const ref = JSON.parse(
      execFileSync('npx', ['tsx', 'scripts/export.ts', '--format', 'json', '--duration', String(DEFAULT_DURATION)], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(Object.keys(ref));
    expect(doc.timing).toBe('audio');
    expect(doc.duration).toBe(DEFAULT_DURATION);
    // Segments said well inside the excerpt, except those whose start fell in the dropout (interpolated).
    const [m0, m1] = truth.missing ?? [0, 0];
    const errs = doc.segments.flatMap((s, i) => {
      const t = truth.starts[i];
      return t != null && t < 120 && !(t >= m0 && t < m1) ? [Math.abs(s.start - t)] : [];
    });
    expect(errs.length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...errs)).toBeLessThan(3);

    const fail = (args: string[]): { status: number; stderr: string } => {
      try {
        execFileSync('npx', ['tsx', 'scripts/align-audio.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        return { status: 0, stderr: '' };
      } catch (e) {
        const err = e as { status: number; stderr: Buffer };
        return { status: err.status, stderr: err.stderr.toString() };
      }
    };
    expect(fail(['/nonexistent/talk.webm'])).toMatchObject({ status: 1, stderr: expect.stringContaining('no such file') });
    const dir = join(process.cwd(), '.cache', 'test');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'garbage.webm'), 'not a video');
    expect(fail([join(dir, 'garbage.webm')])).toMatchObject({ status: 1, stderr: expect.stringContaining('cannot decode') });
    // A silent WAV decodes fine and aligns nothing: the estimate, labelled as such.
    writeFileSync(join(dir, 'silent.wav'), wavBytes({ sampleRate: 8000, samples: new Float32Array(8000 * 30) }));
    const silent = JSON.parse(
      execFileSync('npx', ['tsx', 'scripts/align-audio.ts', join(dir, 'silent.wav'), '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as {
      timing: string;
    };
    expect(silent.timing).toBe('estimate');
    expect(fail([])).toMatchObject({ status: 2, stderr: expect.stringContaining('usage') });
  });
});
