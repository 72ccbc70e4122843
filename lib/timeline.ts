/**
 * Timing, in layers (ARCHITECTURE.md "Timing"): the estimate (or aligned starts) is the base;
 * user anchors warp it piecewise-linearly; a global offset shifts it. Pure and deterministic:
 * the extension and the export CLI compute identical times for the same inputs.
 */

import { piecesOf, type Break, type Piece } from './cues';

/**
 * The estimate before issue #13, kept as the bench's baseline: weights in "Han-character
 * time" units, measured on nothing but common sense.
 */
export const WEIGHTS = {
  han: 1,
  /** A Latin word ("Transformer", "FID") takes about as long as two Han syllables. */
  latinWord: 2,
  /** A digit string ("10", "2") is read as a short word. */
  number: 1.5,
  /** Speaker turns carry a pause (hand-over, microphone) of about four syllables. */
  turnPause: 4,
} as const;

/**
 * Default duration for the CLI when no --duration is given: 2400 s (40 min), the panel's
 * approximate length from the page ("~40 min"); the raw text has 9,766 Han characters,
 * i.e. ~4 per second over 40 minutes, a normal pace for spoken Chinese.
 */
export const DEFAULT_DURATION = 2400;

const LATIN_WORD = /[A-Za-z]+(?:['’-][A-Za-z]+)*/g;
const NUMBER = /\d+(?:\.\d+)?/g;
const HAN_G = /\p{Script=Han}/gu;

export interface TimedUnit {
  /** The spoken (raw) text of the segment. */
  source: string;
  speaker: string;
}

/** Speaking weight of one segment's raw text (the baseline estimate's unit). */
export function weightOf(source: string): number {
  const han = source.match(HAN_G)?.length ?? 0;
  const words = source.match(LATIN_WORD)?.length ?? 0;
  const numbers = source.match(NUMBER)?.length ?? 0;
  return han * WEIGHTS.han + words * WEIGHTS.latinWord + numbers * WEIGHTS.number;
}

/** The baseline (pre-#13) estimate: segments spread by character weight, a pause at speaker turns. */
export function estimateStartsByWeight(units: readonly TimedUnit[], duration: number): number[] {
  const weights = units.map((u, i) => {
    const turn = i > 0 && units[i - 1]?.speaker !== u.speaker ? WEIGHTS.turnPause : 0;
    return { pause: turn, speech: Math.max(weightOf(u.source), 0.5) };
  });
  const total = weights.reduce((t, w) => t + w.pause + w.speech, 0);
  const scale = total > 0 && duration > 0 ? duration / total : 0;
  const starts: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w.pause;
    starts.push(acc * scale);
    acc += w.speech;
  }
  return starts;
}

/**
 * Layer 1, the cue-aware estimate. Model, in seconds of "model time":
 *
 *   piece time = pause[break before it] + perHan·han + perLatin·latinWords + perNumber·numbers
 *
 * over the pieces of lib/cues.ts (the raw text's ASR cues, split where a segment starts
 * mid-cue), where the break is none | cue (`，`) | para (`。` + blank line) | turn (speaker
 * change). A segment starts after the pause before its first piece. Model times are then
 * scaled so the talk fills [0, duration]: only the ratios of the parameters matter.
 *
 * FITTED, not guessed — but on synthetic data: least squares of true segment durations
 * against the model's counts (903 intervals; rms residual 0.82 s), over the synthetic-speech
 * corpus (scripts/synth/) seeds 101–103, which are distinct from the bench's evaluation seeds
 * (1–3). `npm run --silent fit-timing` (scripts/synth/fit.ts) prints these values.
 *
 * Realism limits, measured: the corpus' pauses are drawn by its generator (a cue pause ≈ 0.3 s,
 * ≈ 0.8 s at paragraphs, 0.8–3 s at turns, per-speaker espeak-ng rates 300–430 wpm), so the fit
 * recovers the generator's proportions, not the real panel's; what should carry over is the
 * structure (a pause per ASR cue, longer at turns), which the real ASR put there because it
 * heard pauses. On one talk the start error is dominated by what no text-only model can know —
 * each speaker's pace, and stretches nobody speaks (applause) — so the cue-aware estimate beats
 * the baseline on most synthetic seeds, not all: on 21 of seeds 1–30 (mean median start error
 * 12.9 → 11.1 s, mean p90 27.5 → 23.5 s); where the baseline happens to be good (median ~6 s) it
 * can lose by a few seconds. An estimate told each speaker's true pace also loses on 8 of the 30
 * (`npm run --silent estimate-seeds`): what decides a seed is the unspoken stretches, which no
 * text holds; listening to the audio (lib/audio/) is what closes that gap.
 */
export const CUE_MODEL = {
  perHan: 0.189,
  perLatin: 0.198,
  /** Not identifiable (17 digit strings in the raw text; the fit clamps it at 0): the baseline's 1.5 × perHan. */
  perNumber: 0.28,
  pause: { none: 0, cue: 0.331, para: 0.837, turn: 1.621 } satisfies Record<Break, number>,
} as const;

export type CueModel = typeof CUE_MODEL;

/** Model time of one piece's speech (without the pause before it). */
export const speechTime = (p: Piece, m: CueModel = CUE_MODEL): number => p.han * m.perHan + p.latin * m.perLatin + p.numbers * m.perNumber;

/**
 * Unscaled model start of every unit, and the model's total length (seconds of model time).
 * The audio aligner extrapolates on this scale at the rate it measures.
 */
export function modelStarts(units: readonly TimedUnit[], m: CueModel = CUE_MODEL): { starts: number[]; total: number } {
  const starts = new Array<number>(units.length).fill(0);
  let acc = 0;
  for (const p of piecesOf(units)) {
    acc += m.pause[p.before];
    if (p.first) starts[p.unit] = acc;
    acc += Math.max(speechTime(p, m), p.first ? 0.1 : 0);
  }
  return { starts, total: acc };
}

/** Layer 1: the cue-aware estimate, scaled to [0, duration]. */
export function estimateStarts(units: readonly TimedUnit[], duration: number): number[] {
  const { starts, total } = modelStarts(units);
  const scale = total > 0 && duration > 0 ? duration / total : 0;
  return starts.map((s) => s * scale);
}

export interface Anchor {
  /** Segment index. */
  index: number;
  /** Media time at which that segment starts. */
  time: number;
}

/**
 * Keep only anchors that can hold together: in range, finite, and strictly increasing in
 * both index and time. A later entry wins over earlier conflicting ones (it is the user's
 * most recent correction).
 */
export function normalizeAnchors(anchors: readonly Anchor[], count: number, duration: number): Anchor[] {
  const kept: Anchor[] = [];
  for (const a of anchors) {
    if (!Number.isInteger(a.index) || a.index < 0 || a.index >= count) continue;
    if (!Number.isFinite(a.time) || a.time < 0 || a.time > duration) continue;
    const compatible = kept.filter((k) => k.index !== a.index && (k.index < a.index ? k.time < a.time : k.time > a.time));
    kept.length = 0;
    kept.push(...compatible, a);
  }
  return kept.sort((x, y) => x.index - y.index);
}

/**
 * Layer 3: warp base starts so each anchored segment starts exactly at its anchor time;
 * between anchors (and the fixed ends 0 and duration) times are linear in the base times.
 */
export function applyAnchors(base: readonly number[], anchors: readonly Anchor[], duration: number): number[] {
  const pins = normalizeAnchors(anchors, base.length, duration);
  if (pins.length === 0) return [...base];
  // Control points in (base time → real time) space, with the clip's ends fixed.
  const points: [number, number][] = [[0, 0]];
  for (const p of pins) points.push([base[p.index] as number, p.time]);
  points.push([Math.max(duration, base[base.length - 1] ?? 0), duration]);
  const out = new Array<number>(base.length);
  let k = 0;
  for (let i = 0; i < base.length; i++) {
    const b = base[i] as number;
    while (k < points.length - 2 && b >= (points[k + 1] as [number, number])[0]) k++;
    const [x0, y0] = points[k] as [number, number];
    const [x1, y1] = points[k + 1] as [number, number];
    out[i] = x1 > x0 ? y0 + ((b - x0) * (y1 - y0)) / (x1 - x0) : y0;
  }
  for (const p of pins) out[p.index] = p.time;
  return monotone(out, duration);
}

/** Clamp to [0, duration] and make non-decreasing (guards against float noise and odd bases). */
function monotone(starts: number[], duration: number): number[] {
  let prev = 0;
  return starts.map((s) => (prev = Math.min(duration, Math.max(prev, s))));
}

export type TimingSource = 'estimate' | 'subtitles' | 'audio' | 'calibrated';

export interface Timeline {
  readonly duration: number;
  readonly starts: readonly number[];
  readonly source: TimingSource;
  end(index: number): number;
  /** Index of the segment playing at time t (-1 before the first segment). */
  lookup(t: number): number;
}

export interface TimelineInput {
  units: readonly TimedUnit[];
  duration: number;
  /** Layer 2: aligned starts from Bilibili's subtitle track (or from the audio), if any. */
  aligned?: readonly number[] | null;
  /** Where `aligned` came from (default 'subtitles'); names the timeline's source. */
  alignedFrom?: 'subtitles' | 'audio';
  anchors?: readonly Anchor[];
  offset?: number;
}

export function buildTimeline(input: TimelineInput): Timeline {
  const duration = Math.max(0, Number.isFinite(input.duration) ? input.duration : 0);
  const { units } = input;
  const aligned = input.aligned && input.aligned.length === units.length ? input.aligned : null;
  const base = aligned ? monotone([...aligned], duration) : estimateStarts(units, duration);
  const anchors = input.anchors ?? [];
  const offset = Number.isFinite(input.offset) ? (input.offset ?? 0) : 0;
  let starts = applyAnchors(base, anchors, duration);
  if (offset !== 0)
    starts = monotone(
      starts.map((s) => s + offset),
      duration,
    );
  const calibrated = offset !== 0 || normalizeAnchors(anchors, units.length, duration).length > 0;
  return createTimeline(starts, duration, calibrated ? 'calibrated' : aligned ? (input.alignedFrom ?? 'subtitles') : 'estimate');
}

export function createTimeline(starts: readonly number[], duration: number, source: TimingSource): Timeline {
  return {
    duration,
    starts,
    source,
    end: (i) => (i + 1 < starts.length ? (starts[i + 1] as number) : duration),
    lookup(t) {
      let lo = 0;
      let hi = starts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((starts[mid] as number) <= t) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    },
  };
}
