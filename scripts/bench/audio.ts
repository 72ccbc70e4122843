/**
 * Timing truth, measured on the synthetic-speech corpus (scripts/synth/): start errors of the
 * old estimate, the cue-aware estimate, and audio alignment after 5, 10 and 40 minutes heard
 * (heard from the start; the rest extrapolated), per evaluation seed; the gates (no anchors from
 * silence, noise, tones, another text); anchors under capture stalls; the listener's cost. Node only.
 * Writes bench-results/audio.json besides the report's rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { alignFromFeatures, alignSteps } from '../../lib/audio/align';
import { runSliced } from '../../lib/audio/slices';
import type { Frames } from '../../lib/audio/store';
import { createFeatureExtractor } from '../../lib/audio/features';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts, estimateStartsByWeight, type TimedUnit } from '../../lib/timeline';
import { loadPack } from '../pack-files';
import { canSynthesize, ensureCorpus, prng } from '../synth/corpus';
import { featuresOf, readWav, startErrors, type ErrorStats } from '../synth/evaluate';
import { throughOpus } from '../synth/opus';
import { featuresThroughStalls } from '../synth/stalls';
import { FIT_SEEDS } from '../synth/fit';
import { pct, type Report } from './report';

export const EVAL_SEEDS = [1, 2, 3];
/** The page's slice budget (components/runtime/audio-listen.ts). */
const SLICE_MS = 8;

interface SlicedCost {
  slices: number;
  longestSliceMs: number;
  steps: number;
  longestStepMs: number;
  totalMs: number;
}

/** The whole talk aligned as the page does it: steps timed one by one, and slices of SLICE_MS. */
async function slicedCost(frames: Frames, units: readonly TimedUnit[], duration: number): Promise<SlicedCost> {
  let steps = 0;
  let longestStepMs = 0;
  const gen = alignSteps(frames, units, duration);
  const t0 = performance.now();
  for (;;) {
    const s = performance.now();
    const r = gen.next();
    longestStepMs = Math.max(longestStepMs, performance.now() - s);
    if (r.done) break;
    steps++;
  }
  const totalMs = performance.now() - t0;
  const stats = { slices: 0, longestMs: 0 };
  await runSliced(
    alignSteps(frames, units, duration),
    { budgetMs: SLICE_MS, now: () => performance.now(), pause: () => new Promise((r) => setImmediate(r)) },
    stats,
  );
  return { slices: stats.slices, longestSliceMs: stats.longestMs, steps, longestStepMs, totalMs };
}
const HEARD_MINUTES = [5, 10, 40];
const STALL_RUNS = 30;
/** A stall starts at a 4096-sample buffer with this chance: one per ~43 s at 48 kHz. */
const STALL_RATE = 0.002;

const f = (s: ErrorStats): string =>
  `${s.median.toFixed(2)} / ${s.p90.toFixed(2)} / ${s.max.toFixed(1)} s · ${(100 * s.within1).toFixed(0)}% / ${(100 * s.within2).toFixed(0)}%`;

export async function measureAudio(report: Report): Promise<void> {
  if (!canSynthesize()) {
    report.row('audio alignment', 'skipped: espeak-ng or sox missing', '', null);
    return;
  }
  const pack = loadPack();
  const units = timedUnits(pack);
  const results: Record<string, unknown> = {
    fitSeeds: FIT_SEEDS,
    evalSeeds: EVAL_SEEDS,
    columns: 'median / p90 / max start error · within 1 s / 2 s',
  };
  const perSeed: Record<string, unknown>[] = [];
  report.row('— timing truth (synthetic speech; median / p90 / max · ≤1 s / ≤2 s) —', '', '', null);
  for (const seed of EVAL_SEEDS) {
    const t0 = performance.now();
    const corpus = await ensureCorpus({ seed }, pack);
    const synthMs = performance.now() - t0;
    const { truth } = corpus;
    const pcm = readWav(corpus.wav);
    const duration = truth.duration;
    const old = startErrors(estimateStartsByWeight(units, duration), truth.starts);
    const cue = startErrors(estimateStarts(units, duration), truth.starts);
    const row: Record<string, unknown> = { seed, duration, synthMs, old, cue, audio: {} };
    report.row(`seed ${seed} (${(duration / 60).toFixed(1)} min): old estimate`, f(old), '', null);
    const beats = cue.median < old.median && cue.p90 < old.p90;
    report.row(`seed ${seed}: cue-aware estimate`, f(cue), 'beats old (median and p90)', beats);
    for (const minutes of HEARD_MINUTES) {
      const heardTo = minutes >= 40 ? Infinity : minutes * 60;
      const tf = performance.now();
      const store = featuresOf(pcm, [[0, heardTo]]);
      const featureMs = performance.now() - tf;
      const ta = performance.now();
      const res = alignFromFeatures(store.frames(), units, duration);
      const alignMs = performance.now() - ta;
      if (minutes >= 40) (row as { sliced?: unknown }).sliced = await slicedCost(store.frames(), units, duration);
      const stats = startErrors(res.starts, truth.starts);
      const anchorErr = res.anchors.map((a) => Math.abs(a.time - (truth.starts[a.index] ?? NaN))).filter(Number.isFinite);
      const label = minutes >= 40 ? 'whole talk' : `${minutes} min`;
      (row.audio as Record<string, unknown>)[label] = {
        ...stats,
        anchors: res.anchors.length,
        anchorErrorMax: Math.max(0, ...anchorErr),
        rate: res.rate,
        heardSeconds: res.heardSeconds,
        featureMs,
        alignMs,
      };
      report.row(
        `seed ${seed}: audio, ${label} heard (${res.anchors.length} anchors, align ${alignMs.toFixed(0)} ms)`,
        f(stats),
        minutes >= 40 ? 'p90 ≤ 2 s' : '',
        minutes >= 40 ? stats.p90 <= 2 : null,
      );
    }
    perSeed.push(row);
  }
  results.seeds = perSeed;

  // Spoken text ≠ transcript: the cleaned segments spoken (fillers gone), aligned to the raw text.
  {
    const corpus = await ensureCorpus({ seed: 1, text: 'clean' }, pack);
    const res = alignFromFeatures(featuresOf(readWav(corpus.wav)).frames(), units, corpus.truth.duration);
    const stats = startErrors(res.starts, corpus.truth.starts);
    const anchorErr = res.anchors.map((a) => Math.abs(a.time - (corpus.truth.starts[a.index] ?? NaN))).filter(Number.isFinite);
    results.cleanTextSpoken = { ...stats, anchors: res.anchors.length, anchorErrorP90: pct(anchorErr, 90) };
    report.row(`seed 1, cleaned text spoken (mismatch), whole talk (${res.anchors.length} anchors)`, f(stats), '', null);
  }

  // Gates: audio that is not this talk gives no anchors.
  const gates: Record<string, number> = {};
  const fs = 16000;
  const r = prng(9);
  const gateInputs: [string, Float32Array][] = [
    ['silence (a muted tab)', new Float32Array(300 * fs)],
    ['white noise', Float32Array.from({ length: 300 * fs }, () => (r() * 2 - 1) * 0.1)],
  ];
  for (const [name, samples] of gateInputs) {
    const res = alignFromFeatures(featuresOf({ sampleRate: fs, samples }).frames(), units, 2400);
    gates[name] = res.anchors.length;
  }
  {
    const corpus = await ensureCorpus({ seed: 7, seconds: 600, text: 'foreign' }, pack);
    const res = alignFromFeatures(featuresOf(readWav(corpus.wav)).frames(), units, 2400);
    gates['another Chinese text (10 min)'] = res.anchors.length;
  }
  results.gates = gates;
  report.row(
    'gates: anchors from ' + Object.keys(gates).join(', '),
    Object.values(gates).join(', '),
    '0 each',
    Object.values(gates).every((n) => n === 0),
  );

  // Main-thread stalls while listening (scripts/synth/stalls.ts): the callbacks as Chromium delivers
  // them, with and without the page's gate, on the E2E fixture's audio path (Opus 32 kb/s, 48 kHz).
  {
    const { wav, truth } = await ensureCorpus({ seed: 1, seconds: 150 }, pack);
    const pcm = throughOpus(wav);
    const stalls: Record<string, { anchors: number; wrong: number; worst: number }> = {};
    for (const gated of [false, true]) {
      let anchors = 0;
      let wrong = 0;
      let worst = 0;
      for (let run = 1; run <= STALL_RUNS; run++) {
        const store = featuresThroughStalls(pcm, { seed: run, stallRate: STALL_RATE, seconds: 160, gated });
        for (const a of alignFromFeatures(store.frames(), units, 2400).anchors) {
          const e = Math.abs(a.time - (truth.starts[a.index] ?? NaN));
          anchors++;
          if (!(e <= 1)) wrong++;
          worst = Math.max(worst, Number.isFinite(e) ? e : Infinity);
        }
      }
      const label = gated ? 'gated as the page does' : 'every callback counted (before the gate)';
      stalls[label] = { anchors, wrong, worst };
      report.row(
        `capture stalls (0.2–1.5 s, ~one per 43 s; ${STALL_RUNS} runs of the fixture's 150 s): ${label}`,
        `${anchors} anchors, ${wrong} wrong (> 1 s), worst ${worst.toFixed(1)} s`,
        gated ? 'no wrong anchor' : '',
        gated ? wrong === 0 : null,
      );
    }
    results.captureStalls = { runs: STALL_RUNS, stallRate: STALL_RATE, ...stalls };
  }

  // The listener's cost: the extractor at 48 kHz in 128-sample blocks (an AudioWorklet's quantum).
  {
    const rate = 48000;
    const block = new Float32Array(128);
    for (let i = 0; i < block.length; i++) block[i] = Math.sin(i / 3) * 0.2;
    const ex = createFeatureExtractor({ sampleRate: rate });
    const seconds = 120;
    const t0 = performance.now();
    for (let k = 0; k < (seconds * rate) / 128; k++) ex.push(block, (k * 128) / rate);
    const msPerSecond = (performance.now() - t0) / seconds;
    results.extractorMsPerSecond48k = msPerSecond;
    report.row(
      'listener: feature extraction per second of 48 kHz audio',
      `${msPerSecond.toFixed(3)} ms (${(msPerSecond / 10).toFixed(2)}% of a core)`,
      '≤ 2% of a core',
      msPerSecond / 10 <= 2,
    );
    const whole = (results.seeds as { audio: Record<string, { alignMs: number }> }[]).map((s) => s.audio['whole talk']?.alignMs ?? NaN);
    results.alignWholeTalkMs = whole;
    report.row('listener: one alignment of the whole talk, in one go (the CLI)', `${pct(whole, 50).toFixed(0)} ms median`, '', null);
    const sliced = (results.seeds as { sliced: SlicedCost }[]).map((s) => s.sliced);
    results.alignWholeTalkSliced = sliced;
    const longest = Math.max(...sliced.map((s) => s.longestSliceMs));
    report.row(
      `listener: the same in ${SLICE_MS} ms slices, as the page runs it (slices; longest step / slice)`,
      `${sliced.map((s) => s.slices).join(', ')} slices; ${Math.max(...sliced.map((s) => s.longestStepMs)).toFixed(1)} / ${longest.toFixed(1)} ms`,
      'no long task (slice < 50 ms)',
      longest < 50,
    );
  }
  report.set('audio', results);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/audio.json', `${JSON.stringify(results, null, 2)}\n`);
}
