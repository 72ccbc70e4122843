/**
 * Listen to align, the heavy half (a chunk of its own): captures the video's audio
 * (components/audio/capture.ts), keeps only per-frame levels, aligns them to the transcript now
 * and then (lib/audio), and turns confident anchors into the timing's audio layer. Only the
 * anchors are stored, per part. Listening ends with the panel, on stop, when the video element
 * is replaced (a part switch) or when it cannot go on; it never touches the page's playback.
 */
import {
  audioStarts,
  createAudioListener,
  mergeAnchors,
  MIN_CONFIDENCE,
  runSliced,
  type AudioAlignment,
  type AudioAnchor,
} from '../../lib/audio';
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

/** One turn of the event loop: a message to ourselves (background tabs throttle timers, not this). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** A slice of alignment (ms): far below a long task (50 ms), and the page's frames go on between slices. */
const SLICE_MS = 8;
/**
 * The last alignment, of what was heard since the one before, may outlive the panel (a part
 * switch ends it): it then only saves, for the part it heard. Bounded so it cannot linger (the
 * whole talk takes ~0.2 s of work).
 */
const LAST_ALIGN_MS = 10_000;

export function startListening(o: ListenOptions): Listening {
  const own = childOf(o.life);
  const listener = createAudioListener(o.units, o.duration);
  let sinceAlign = 0;
  let ended = false;
  /** The alignment in progress, and whether more audio came in while it ran. */
  let aligning: Promise<void> | null = null;
  let again = false;

  const apply = (result: AudioAlignment): void => {
    // The gates answer "no anchors" for silence, music, noise or another talk: keep what we had.
    if (result.anchors.length === 0) return;
    const merged = mergeAnchors(o.before, result);
    if (!o.life.aborted) o.onLayer(layerOf(audioStarts(o.units, merged, o.duration), merged));
    const record: AudioAnchorRecord = {
      v: 1,
      duration: o.duration,
      heardSeconds: Math.max(o.heardBefore, result.heardSeconds),
      anchors: merged.map((a) => ({ index: a.index, time: a.time, confidence: Math.round(a.confidence * 1000) / 1000 })),
    };
    o.save(record).catch((err: unknown) => console.warn('[companion] could not save audio anchors', err));
  };
  /**
   * Align what was heard, in slices, bounded by `life` (listening's own lifetime while it runs;
   * LAST_ALIGN_MS for the last one after listening stopped). One at a time: a request while one
   * runs makes one more run after it.
   */
  const align = (life: AbortSignal): void => {
    sinceAlign = 0;
    if (aligning) {
      again = true;
      return;
    }
    aligning = runSliced(listener.alignSteps(), { budgetMs: SLICE_MS, now: () => performance.now(), pause: nextTurn, signal: life })
      .then(apply, (err: unknown) => {
        if (!life.aborted) console.warn('[companion] audio alignment failed', err);
      })
      .finally(() => {
        aligning = null;
        if (again && !life.aborted) {
          again = false;
          align(life);
        }
      });
  };

  const end = (failed: boolean): void => {
    if (ended) return;
    ended = true;
    own.abort();
    // What was heard since the last alignment still counts, even when the panel went with it.
    if (!failed && listener.heardSeconds() > 0) {
      again = false;
      const last = AbortSignal.timeout(LAST_ALIGN_MS);
      if (aligning) void aligning.then(() => align(last));
      else align(last);
    }
    o.onEnd(failed);
  };

  try {
    listen(o.video, own.signal, (chunk) => {
      listener.add(chunk);
      sinceAlign += chunk.band.length * chunk.hop;
      o.onHeard(Math.max(o.heardBefore, listener.heardSeconds()));
      if (sinceAlign >= ALIGN_EVERY) align(own.signal);
    });
  } catch (err) {
    // captureStream() refuses cross-origin media without CORS, for one.
    console.warn('[companion] cannot listen to this video', err);
    queueMicrotask(() => end(true));
    return { stop: () => undefined };
  }
  o.video.addEventListener('pause', () => align(own.signal), { signal: own.signal });
  // A new source in the same element (another part) is another audio: stop.
  o.video.addEventListener('emptied', () => end(false), { signal: own.signal });
  return { stop: () => end(false) };
}
