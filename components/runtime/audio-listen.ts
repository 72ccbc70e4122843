/**
 * Listen to align, the heavy half (a chunk of its own): captures the video's audio
 * (components/audio/capture.ts), keeps only per-frame levels, aligns them to the transcript now
 * and then (lib/audio), and turns confident anchors into the timing's audio layer. Only the
 * anchors are stored, per part. Listening ends with the panel, on stop, when the video element
 * is replaced (a part switch) or when it cannot go on; it never touches the page's playback.
 */
import { audioStarts, createAudioListener, mergeAnchors, MIN_CONFIDENCE, type AudioAnchor } from '../../lib/audio';
import type { TimedUnit } from '../../lib/timeline';
import { listen } from '../audio/capture';
import { childOf } from '../dom/lifetime';
import type { AudioAnchorRecord } from '../models/storage';
import type { AudioLayer } from '../models/timing';

/** Align after this much newly heard audio (s), and whenever playback pauses. */
const ALIGN_EVERY = 30;

export interface Listening {
  stop(): void;
}

export interface ListenOptions {
  video: HTMLVideoElement;
  life: AbortSignal;
  units: readonly TimedUnit[];
  duration: number;
  heardBefore: number;
  /** Anchors stored from earlier viewings: kept where this one has not heard. */
  before: readonly AudioAnchor[];
  onHeard(seconds: number): void;
  onLayer(layer: AudioLayer & { full: readonly AudioAnchor[] }): void;
  save(record: AudioAnchorRecord): Promise<void>;
  onEnd(failed: boolean): void;
}

const layerOf = (starts: readonly number[], anchors: readonly AudioAnchor[]): AudioLayer & { full: readonly AudioAnchor[] } => ({
  starts,
  anchors: anchors.map((a) => ({ index: a.index, time: a.time })),
  full: anchors,
});

/** The layer from stored anchors (validated: storage is as untrusted as the network). */
export function restoredLayer(
  units: readonly TimedUnit[],
  rec: AudioAnchorRecord,
  duration: number,
): (AudioLayer & { full: readonly AudioAnchor[] }) | null {
  if (rec.v !== 1 || !(duration > 0)) return null;
  const anchors = rec.anchors.filter(
    (a) =>
      typeof a === 'object' &&
      a !== null &&
      Number.isInteger(a.index) &&
      a.index >= 0 &&
      a.index < units.length &&
      Number.isFinite(a.time) &&
      a.time >= 0 &&
      a.time <= duration &&
      Number.isFinite(a.confidence) &&
      a.confidence >= MIN_CONFIDENCE,
  );
  // Anchors must increase with the index, or they are not an alignment.
  if (anchors.length === 0 || anchors.some((a, i) => i > 0 && (a.index <= anchors[i - 1]!.index || a.time < anchors[i - 1]!.time)))
    return null;
  return layerOf(audioStarts(units, anchors, duration), anchors);
}

export function startListening(o: ListenOptions): Listening {
  const own = childOf(o.life);
  const listener = createAudioListener(o.units, o.duration);
  let sinceAlign = 0;
  let timer = 0;
  let ended = false;

  const align = (): void => {
    timer = 0;
    if (own.signal.aborted) return;
    sinceAlign = 0;
    const result = listener.align();
    // The gates answer "no anchors" for silence, music, noise or another talk: keep what we had.
    if (result.anchors.length === 0) return;
    const merged = mergeAnchors(o.before, result);
    o.onLayer(layerOf(audioStarts(o.units, merged, o.duration), merged));
    const record: AudioAnchorRecord = {
      v: 1,
      duration: o.duration,
      heardSeconds: Math.max(o.heardBefore, result.heardSeconds),
      anchors: merged.map((a) => ({ index: a.index, time: a.time, confidence: Math.round(a.confidence * 1000) / 1000 })),
    };
    o.save(record).catch((err: unknown) => console.warn('[companion] could not save audio anchors', err));
  };
  // Off the frame and audio callbacks: a timer task of its own.
  const alignSoon = (): void => {
    if (!timer) timer = window.setTimeout(align, 0);
  };

  const end = (failed: boolean): void => {
    if (ended) return;
    ended = true;
    if (timer) window.clearTimeout(timer);
    if (!failed && listener.heardSeconds() > 0) align();
    own.abort();
    o.onEnd(failed);
  };

  try {
    listen(o.video, own.signal, (chunk) => {
      listener.add(chunk);
      sinceAlign += chunk.band.length * chunk.hop;
      o.onHeard(Math.max(o.heardBefore, listener.heardSeconds()));
      if (sinceAlign >= ALIGN_EVERY) alignSoon();
    });
  } catch (err) {
    // captureStream() refuses cross-origin media without CORS, for one.
    console.warn('[companion] cannot listen to this video', err);
    queueMicrotask(() => end(true));
    return { stop: () => undefined };
  }
  o.video.addEventListener('pause', alignSoon, { signal: own.signal });
  // A new source in the same element (another part) is another audio: stop.
  o.video.addEventListener('emptied', () => end(false), { signal: own.signal });
  return { stop: () => end(false) };
}
