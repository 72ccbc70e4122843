/**
 * Timing model: layers the timeline (estimate → aligned subtitles → user anchors + offset)
 * and derives the active segment and chapter. Anchors persist per part through `store`.
 */
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { TalkPack } from '../../lib/pack/types';
import { timedUnits } from '../../lib/pack/source';
import { buildTimeline, DEFAULT_DURATION, type Timeline } from '../../lib/timeline';
import { EMPTY_CALIBRATION, type CalibrationRecord } from './storage';
import type { Playback } from './playback';
import { assignStored } from './store';

export interface CalibrationStore {
  load(): Promise<CalibrationRecord | null>;
  save(record: CalibrationRecord): Promise<void>;
  /** Changes made elsewhere (the popup's "reset timing"); returns an unsubscribe function. */
  watch?(cb: (record: unknown) => void): () => void;
}

/** Layer 2 from the audio: starts for every segment, and the anchors they rest on. */
export interface AudioLayer {
  starts: readonly number[];
  anchors: readonly { index: number; time: number }[];
}

export interface Timing {
  dispose(): void;
  timeline: ReadonlySignal<Timeline>;
  active: ReadonlySignal<number>;
  activeChapter: ReadonlySignal<number>;
  calibration: ReadonlySignal<CalibrationRecord>;
  /** Aligned starts from Bilibili's subtitles (layer 2), or null. */
  aligned: Signal<readonly number[] | null>;
  /** Starts aligned from the video's audio (listen to align), or null; subtitles win over them. */
  audio: Signal<AudioLayer | null>;
  /** Subtitle and audio starts both exist and differ by more than 3 s somewhere: say so. */
  layersDisagree: ReadonlySignal<boolean>;
  /** Part duration from the page state, used until the media reports its own. */
  pageDuration: Signal<number>;
  markNow(index: number): void;
  nudge(seconds: number): void;
  reset(): void;
  /** Resolves once stored anchors are loaded. */
  ready: Promise<void>;
}

const MAX_OFFSET = 600;

export function validCalibration(v: unknown, segmentIds: ReadonlySet<string>): CalibrationRecord {
  if (typeof v !== 'object' || v === null) return EMPTY_CALIBRATION;
  const r = v as Partial<CalibrationRecord>;
  const anchors = Array.isArray(r.anchors)
    ? r.anchors
        .filter(
          (a): a is { segmentId: string; time: number } =>
            typeof a === 'object' &&
            a !== null &&
            typeof a.segmentId === 'string' &&
            segmentIds.has(a.segmentId) &&
            Number.isFinite(a.time) &&
            a.time >= 0,
        )
        .slice(-200)
    : [];
  const offset = typeof r.offset === 'number' && Number.isFinite(r.offset) ? Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, r.offset)) : 0;
  return { v: 1, anchors, offset };
}

export function createTiming(pack: TalkPack, playback: Playback, chapterStarts: readonly number[], store: CalibrationStore): Timing {
  const units = timedUnits(pack);
  const index = new Map(pack.segments.map((s, i) => [s.id, i]));
  const ids = new Set(index.keys());
  const calibration = signal<CalibrationRecord>(EMPTY_CALIBRATION);
  const aligned = signal<readonly number[] | null>(null);
  const audio = signal<AudioLayer | null>(null);
  const pageDuration = signal(0);
  const duration = computed(() => playback.duration.value || pageDuration.value || DEFAULT_DURATION);

  const timeline = computed(() =>
    buildTimeline({
      units,
      duration: duration.value,
      aligned: aligned.value ?? audio.value?.starts ?? null,
      alignedFrom: aligned.value ? 'subtitles' : 'audio',
      anchors: calibration.value.anchors.flatMap((a) => {
        const i = index.get(a.segmentId);
        return i === undefined ? [] : [{ index: i, time: a.time }];
      }),
      offset: calibration.value.offset,
    }),
  );
  const active = computed(() => timeline.value.lookup(playback.time.value));
  const layersDisagree = computed(() => {
    const a = aligned.value;
    const b = audio.value;
    // Compared where the audio has evidence only, not where it extrapolates.
    return !!a && !!b && b.anchors.some((x) => Math.abs((a[x.index] ?? x.time) - x.time) > 3);
  });
  // Frames that change neither the line nor the readout's second need not be published.
  playback.setQuiet((published, next) => {
    const tl = timeline.peek();
    const i = active.peek();
    return (
      Math.floor(published) === Math.floor(next) &&
      next >= published &&
      (i < 0 ? next < (tl.starts[0] ?? 0) : next >= (tl.starts[i] ?? 0) && next < tl.end(i))
    );
  });
  const activeChapter = computed(() => {
    const i = active.value;
    let c = -1;
    for (let k = 0; k < chapterStarts.length && (chapterStarts[k] as number) <= i; k++) c = k;
    return c;
  });

  const write = (next: CalibrationRecord): void => {
    calibration.value = next;
    store.save(next).catch((err: unknown) => console.warn('[companion] could not save calibration', err));
  };

  const unwatch = store.watch?.((v) => assignStored(calibration, validCalibration(v, ids)));
  const ready = store.load().then(
    (stored) => {
      calibration.value = validCalibration(stored, ids);
    },
    () => undefined,
  );

  return {
    dispose() {
      unwatch?.();
    },
    timeline,
    active,
    activeChapter,
    calibration,
    aligned,
    audio,
    layersDisagree,
    pageDuration,
    ready,
    markNow(i) {
      const seg = pack.segments[i];
      if (!seg) return;
      const time = playback.now();
      const cur = calibration.value;
      // The offset was folded into what the user saw; anchors are absolute, so keep it out of them.
      const anchors = [...cur.anchors.filter((a) => a.segmentId !== seg.id), { segmentId: seg.id, time: Math.max(0, time - cur.offset) }];
      batch(() => write({ v: 1, anchors, offset: cur.offset }));
    },
    nudge(seconds) {
      const cur = calibration.value;
      const offset = Math.round((cur.offset + seconds) * 1000) / 1000;
      write({ ...cur, offset: Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, offset)) });
    },
    reset() {
      write(EMPTY_CALIBRATION);
    },
  };
}
