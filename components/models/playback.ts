/**
 * Playback: the one clock of the panel. A media handle (from the page adapter) pushes
 * snapshots; `time` is a signal; user intent comes back through `seek`.
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { MediaHandle, MediaSnapshot } from '../../bilibili/media';

export interface Playback {
  time: ReadonlySignal<number>;
  paused: ReadonlySignal<boolean>;
  duration: ReadonlySignal<number>;
  /** Attach a media handle until `signal` aborts (or another handle is attached). */
  attach(handle: MediaHandle, signal: AbortSignal): void;
  seek(t: number): void;
  /** The media time right now (the `time` signal may hold a frame-skipped value, see `setQuiet`). */
  now(): number;
  /**
   * While playing, a frame whose time is `quiet(published, next)` is not published: nothing
   * that depends on the time would change (same line, same second on the readout). This keeps
   * the per-frame path to a few signal reads and comparisons, with no signal write.
   */
  setQuiet(quiet: ((published: number, next: number) => boolean) | null): void;
}

const SEEK_PAST = 0.001;

export function createPlayback(): Playback {
  const time = signal(0);
  const paused = signal(true);
  const duration = signal(0);
  let current: { handle: MediaHandle; stop: AbortController } | null = null;
  let quiet: ((published: number, next: number) => boolean) | null = null;

  const apply = (s: MediaSnapshot): void =>
    batch(() => {
      time.value = s.time;
      paused.value = s.paused;
      if (s.duration > 0) duration.value = s.duration;
    });

  return {
    time,
    paused,
    duration,
    now: () => current?.handle.snapshot().time ?? time.peek(),
    setQuiet(fn) {
      quiet = fn;
    },
    attach(handle, outer) {
      current?.stop.abort();
      const stop = new AbortController();
      const detach = (): void => {
        stop.abort();
        if (current?.stop === stop) current = null;
      };
      outer.addEventListener('abort', detach, { once: true, signal: stop.signal });
      current = { handle, stop };
      apply(handle.snapshot());
      handle.subscribe(
        apply,
        (t) => {
          if (!quiet?.(time.peek(), t)) time.value = t;
        },
        stop.signal,
      );
    },
    seek(t) {
      if (!current || !Number.isFinite(t)) return;
      // 1 ms past the target: media clocks quantise currentTime (Chromium to the microsecond),
      // which could leave the position a hair before a line's start, i.e. on the line before.
      const target = Math.max(0, t + SEEK_PAST);
      current.handle.seek(target);
      // Show the target at once; the media's `seeked` confirms it.
      time.value = target;
    },
  };
}
