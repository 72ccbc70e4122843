/**
 * Speech runs and syllable nuclei from heard frames.
 *
 * - Levels are judged against their surroundings (±10 s of heard frames): the noise floor is
 *   a low percentile, the speech level a high one. Where the two are less than MIN_RANGE dB
 *   apart (steady noise, a held tone, digital silence) nothing is speech.
 * - A frame is speech above floor + max(8 dB, 40% of the range), with 3 dB of hysteresis;
 *   pauses shorter than MIN_PAUSE are bridged (stop closures, not pauses).
 * - Syllable nuclei: peaks of the smoothed speech-band level inside runs, at least 4 dB above
 *   the valleys on both sides and ≥ 100 ms apart (Mandarin runs at ~4–7 syllables a second; closer peaks are one vowel's ripple).
 *
 * All integer histograms over the quantised levels: linear in the frames, a few ms for 40 min.
 */
import { drain } from './slices';
import type { Frames } from './store';

export interface Run {
  /** Media time (s). */
  start: number;
  end: number;
  /** Media times of the syllable nuclei found in the run. */
  peaks: number[];
}

export interface Detection {
  runs: Run[];
  /** Heard stretches of media time, [from, to), in order. */
  heard: [number, number][];
  heardSeconds: number;
  speechSeconds: number;
}

const WINDOW = 10; // s, each side
const MIN_RANGE = 14; // dB between floor and speech level for anything to count as speech
const MIN_PAUSE = 0.1; // s
const MIN_RUN = 0.06; // s
const PEAK_PROMINENCE = 4; // dB
const PEAK_DISTANCE = 0.1; // s
const ABS_FLOOR = -80; // dBFS: nothing quieter is speech (a muted stream)

export function heardStretches(f: Frames): [number, number][] {
  const out: [number, number][] = [];
  let a = -1;
  for (let k = 0; k <= f.length; k++) {
    const h = k < f.length && f.heard[k] === 1;
    if (h && a < 0) a = k;
    else if (!h && a >= 0) {
      out.push([a * f.hop, k * f.hop]);
      a = -1;
    }
  }
  return out;
}

/** Percentile of a 256-bin histogram holding n values. */
function percentile(hist: Int32Array, n: number, p: number): number {
  const target = Math.max(1, Math.ceil(p * n));
  let c = 0;
  for (let b = 0; b < 256; b++) if ((c += hist[b] as number) >= target) return b;
  return 255;
}

/** Frames per step of detectSteps' loops (~0.5–2 ms of work each). */
const STEP_FRAMES = 12000;

/** Per-frame speech threshold (code units) or 255 (never speech), from a sliding histogram. */
function* thresholds(f: Frames, from: number, to: number): Generator<void, Uint8Array> {
  const w = Math.round(WINDOW / f.hop);
  const step = 25;
  const hist = new Int32Array(256);
  let n = 0;
  let lo = from; // window [lo, hi)
  let hi = from;
  const th = new Uint8Array(to - from);
  for (let k = from; k < to; k += step) {
    if ((k - from) % STEP_FRAMES === 0 && k > from) yield;
    const a = Math.max(from, k - w);
    const b = Math.min(to, k + w);
    while (hi < b) {
      hist[f.band[hi] as number]!++;
      n++;
      hi++;
    }
    while (lo < a) {
      hist[f.band[lo] as number]!--;
      n--;
      lo++;
    }
    const floor = percentile(hist, n, 0.05);
    const top = percentile(hist, n, 0.95);
    const range = (top - floor) / 2; // dB
    let t = 255;
    if (range >= MIN_RANGE) t = Math.round(floor + 2 * Math.max(8, 0.4 * range));
    t = Math.max(t, Math.round(2 * (ABS_FLOOR + 110)));
    th.fill(Math.min(255, t), k - from, Math.min(to, k + step) - from);
  }
  return th;
}

/**
 * Heard stretches shorter than this are ignored: too short to judge a noise floor or a pause
 * by, and where capture is least sure of its time stamps (right after a seek; a user scrubbing).
 */
const MIN_STRETCH = 2; // s

export function detect(f: Frames): Detection {
  return drain(detectSteps(f));
}

/** detect() as steps (lib/audio/slices.ts): it yields inside its per-frame loops. */
export function* detectSteps(f: Frames): Generator<void, Detection> {
  const heard = heardStretches(f).filter(([a, b]) => b - a >= MIN_STRETCH);
  const runs: Run[] = [];
  let speech = 0;
  let heardSeconds = 0;
  for (const [a, b] of heard) {
    const from = Math.round(a / f.hop);
    const to = Math.round(b / f.hop);
    heardSeconds += b - a;
    const th = yield* thresholds(f, from, to);
    yield;
    // Smoothed level (code units): 5-frame triangle.
    const env = new Float32Array(to - from);
    for (let k = from; k < to; k++) {
      if ((k - from) % STEP_FRAMES === STEP_FRAMES - 1) yield;
      let s = 0;
      let w = 0;
      for (let d = -2; d <= 2; d++) {
        const j = k + d;
        if (j < from || j >= to) continue;
        const c = 3 - Math.abs(d);
        s += (f.band[j] as number) * c;
        w += c;
      }
      env[k - from] = s / w;
    }
    // Speech frames with hysteresis, then runs.
    const on = new Uint8Array(to - from);
    let state = false;
    for (let i = 0; i < on.length; i++) {
      if (i % (4 * STEP_FRAMES) === 4 * STEP_FRAMES - 1) yield;
      const t = th[i] as number;
      const v = env[i] as number;
      state = state ? v >= t - 6 && t < 255 : v >= t && t < 255;
      on[i] = state ? 1 : 0;
    }
    const raw: [number, number][] = [];
    let s0 = -1;
    for (let i = 0; i <= on.length; i++) {
      const v = i < on.length && on[i] === 1;
      if (v && s0 < 0) s0 = i;
      else if (!v && s0 >= 0) {
        raw.push([s0, i]);
        s0 = -1;
      }
    }
    const merged: [number, number][] = [];
    for (const r of raw) {
      const last = merged[merged.length - 1];
      if (last && (r[0] - last[1]) * f.hop < MIN_PAUSE) last[1] = r[1];
      else merged.push([r[0], r[1]]);
    }
    let n = 0;
    for (const [i0, i1] of merged) {
      if (++n % 100 === 0) yield;
      if ((i1 - i0) * f.hop < MIN_RUN) continue;
      runs.push({ start: (from + i0) * f.hop, end: (from + i1) * f.hop, peaks: peaksIn(env, i0, i1, f.hop, from) });
      speech += (i1 - i0) * f.hop;
    }
  }
  return { runs, heard, heardSeconds, speechSeconds: speech };
}

function peaksIn(env: Float32Array, i0: number, i1: number, hop: number, from: number): number[] {
  const prom = 2 * PEAK_PROMINENCE;
  const dist = Math.round(PEAK_DISTANCE / hop);
  // Candidates: local maxima.
  const cand: number[] = [];
  for (let i = i0; i < i1; i++) {
    const v = env[i] as number;
    if ((i === i0 || v > (env[i - 1] as number)) && (i === i1 - 1 || v >= (env[i + 1] as number))) cand.push(i);
  }
  // Merge candidates not separated by a deep enough valley (or too close): keep the higher.
  const kept: number[] = [];
  for (const c of cand) {
    const last = kept[kept.length - 1];
    if (last === undefined) {
      kept.push(c);
      continue;
    }
    let valley = Infinity;
    for (let i = last; i <= c; i++) valley = Math.min(valley, env[i] as number);
    const lv = env[last] as number;
    const cv = env[c] as number;
    if (c - last < dist || Math.min(lv, cv) - valley < prom) {
      if (cv > lv) kept[kept.length - 1] = c;
    } else kept.push(c);
  }
  // The run's edges count as valleys: a peak must rise above where the run starts and ends.
  const startV = env[i0] as number;
  const endV = env[i1 - 1] as number;
  return kept
    .filter((k, j) => (j > 0 || (env[k] as number) - startV >= prom / 2) && (j < kept.length - 1 || (env[k] as number) - endV >= prom / 2))
    .map((k) => (from + k) * hop);
}
