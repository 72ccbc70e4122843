/**
 * Listen to align — the pure half (no browser APIs; the content script and Node both call it).
 *
 * Feeding it (browser): an AudioWorklet (or ScriptProcessor) on the captured stream runs
 * `createFeatureExtractor({ sampleRate: ctx.sampleRate })` and calls
 * `push(block, mediaTime, playbackRate)` for each 128-sample block while the media plays
 * (not while paused or seeking), where mediaTime is the media time of the block's first
 * sample (from a {contextTime, mediaTime} pair the page posts in, advanced by the block).
 * Each returned FeatureChunk (`{ t, hop, band, full }`, two Uint8Arrays of 50 frames =
 * 0.5 s, ~100 bytes) is posted to the content script (transfer the buffers), which feeds
 * `createAudioListener(...).add(chunk)` and aligns every so often (every 30 s of new audio,
 * and on pause) with `runSliced(listener.alignSteps(), …)` — a whole talk is a few hundred ms of
 * work, never one long task: the result's `anchors` are the derived data to store per part.
 * On a later viewing, `audioStarts(units, storedAnchors, duration)` gives the starts at once;
 * `mergeAnchors` folds fresh anchors into stored ones.
 */
import type { TimedUnit } from '../timeline';
import { modelStarts } from '../timeline';
import {
  alignSteps,
  measuredRate,
  MIN_CONFIDENCE,
  startsFromAnchors,
  type AlignOptions,
  type AudioAlignment,
  type AudioAnchor,
} from './align';
import type { FeatureChunk } from './features';
import { createFeatureStore } from './store';

export { createFeatureExtractor, levelDb, type ExtractorOptions, type FeatureChunk, type FeatureExtractor } from './features';
export { createFeatureStore, type FeatureStore, type Frames } from './store';
export { detect, type Detection, type Run } from './detect';
export { drain, runSliced, type SliceOptions, type SliceStats } from './slices';
export {
  alignFromFeatures,
  alignSteps,
  MIN_CONFIDENCE,
  startsFromAnchors,
  type AlignOptions,
  type AudioAlignment,
  type AudioAnchor,
} from './align';

export interface AudioListener {
  /** Add one chunk from the extractor (any order; media time places it). Invalid chunks are ignored. */
  add(chunk: FeatureChunk): void;
  heardSeconds(): number;
  /**
   * Align what has been heard so far, as steps (~100–300 ms of work for a whole talk): run them with
   * `runSliced` on a page, `drain` elsewhere. The frames heard so far are copied in the first step.
   */
  alignSteps(): Generator<void, AudioAlignment>;
  /** Forget everything heard (a part switch, another video). */
  clear(): void;
}

export function createAudioListener(units: readonly TimedUnit[], duration: number, options: AlignOptions = {}): AudioListener {
  const store = createFeatureStore(0.01, Math.max(60, duration + 60));
  return {
    add(chunk) {
      if (!isChunk(chunk)) return;
      store.add(chunk);
    },
    heardSeconds: () => store.heardSeconds(),
    alignSteps: () => alignSteps(store.frames(), units, duration, options),
    clear: () => store.clear(),
  };
}

/** Validate a chunk that crossed a message boundary (the page is untrusted; a worklet is ours, but check anyway). */
export function isChunk(v: unknown): v is FeatureChunk {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<FeatureChunk>;
  return (
    typeof c.t === 'number' &&
    Number.isFinite(c.t) &&
    c.t >= 0 &&
    c.hop === 0.01 &&
    c.band instanceof Uint8Array &&
    c.full instanceof Uint8Array &&
    c.band.length === c.full.length &&
    c.band.length <= 6000
  );
}

/** Starts for every segment from stored anchors alone (a second viewing, before anything is heard). */
export function audioStarts(units: readonly TimedUnit[], anchors: readonly AudioAnchor[], duration: number): number[] {
  const model = modelStarts(units);
  const kept = anchors.filter((a) => a.confidence >= MIN_CONFIDENCE && a.time >= 0 && a.time <= duration).sort((a, b) => a.index - b.index);
  return startsFromAnchors(model, kept, duration, measuredRate(kept, model.starts));
}

/**
 * Fold a fresh alignment into stored anchors: inside what was heard this time the fresh
 * anchors rule; elsewhere stored ones stay; the result is increasing in index and time.
 */
export function mergeAnchors(stored: readonly AudioAnchor[], fresh: AudioAlignment): AudioAnchor[] {
  const inHeard = (t: number): boolean => fresh.heard.some(([a, b]) => t >= a && t < b);
  const freshIdx = new Set(fresh.anchors.map((a) => a.index));
  const all = [...stored.filter((a) => !inHeard(a.time) && !freshIdx.has(a.index)), ...fresh.anchors].sort((a, b) => a.index - b.index);
  const out: AudioAnchor[] = [];
  for (const a of all) {
    const last = out[out.length - 1];
    if (!last || (a.index > last.index && a.time > last.time)) out.push(a);
  }
  return out;
}

/** Where subtitle-aligned starts (layer 2) and audio anchors disagree by more than `tolerance` s. */
export function disagreements(
  subtitleStarts: readonly number[],
  anchors: readonly AudioAnchor[],
  tolerance = 3,
): { index: number; subtitles: number; audio: number }[] {
  return anchors.flatMap((a) => {
    const s = subtitleStarts[a.index];
    return s !== undefined && Math.abs(s - a.time) > tolerance ? [{ index: a.index, subtitles: s, audio: a.time }] : [];
  });
}
