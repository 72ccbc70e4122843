/**
 * A uniform handle on the page's media: a native <video>, or a <bwp-video> whose time only
 * the MAIN-world bridge can read. The handle pushes snapshots: per presented frame while
 * playing (requestVideoFrameCallback, rAF fallback), and on media events while paused.
 */
import type { BridgeClient } from './bridge-client';

export interface MediaSnapshot {
  time: number;
  paused: boolean;
  duration: number;
  rate: number;
}

export interface MediaHandle {
  readonly kind: 'video' | 'bwp';
  readonly element: Element;
  snapshot(): MediaSnapshot;
  seek(t: number): void;
  /**
   * Until `signal` aborts: `onChange` on media events (full snapshot), `onFrame` once per
   * presented frame while playing (just the time: the per-frame path stays minimal).
   */
  subscribe(onChange: (snap: MediaSnapshot) => void, onFrame: (time: number) => void, signal: AbortSignal): void;
}

const EVENTS = [
  'play',
  'playing',
  'pause',
  'ended',
  'seeking',
  'seeked',
  'timeupdate',
  'ratechange',
  'loadedmetadata',
  'durationchange',
  'emptied',
] as const;

const finite = (v: number): number => (Number.isFinite(v) && v >= 0 ? v : 0);

type FrameVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (id: number) => void;
};

export function videoHandle(video: HTMLVideoElement): MediaHandle {
  const v = video as FrameVideo;
  // While playing, the time is that of the frame on screen (requestVideoFrameCallback's
  // metadata.mediaTime), so the highlight changes on the frame that shows the boundary:
  // currentTime runs up to a frame ahead of it at 1× (so a timeupdate would show the next
  // line early) and its reads in the frame callback trail it at speed. Right after a seek, the
  // first frames' timestamps sit just before the target (they would show the line before it):
  // until a frame reaches the target, the target (currentTime) is the time.
  let shown = -1;
  let seekedTo = -1;
  const time = (): number => (shown >= 0 && !v.paused ? shown : finite(v.currentTime));
  const snapshot = (): MediaSnapshot => ({
    time: time(),
    paused: v.paused || v.ended,
    duration: finite(v.duration),
    rate: v.playbackRate,
  });
  return {
    kind: 'video',
    element: video,
    snapshot,
    seek(t) {
      v.currentTime = Math.max(0, Math.min(t, finite(v.duration) || t));
    },
    subscribe(cb, onFrame, signal) {
      let frameId = 0;
      let rafId = 0;
      const stop = (): void => {
        if (frameId) v.cancelVideoFrameCallback?.(frameId);
        if (rafId) cancelAnimationFrame(rafId);
        frameId = rafId = 0;
        shown = -1;
      };
      const frame = (_now?: number, meta?: { mediaTime: number }): void => {
        frameId = rafId = 0;
        if (signal.aborted) return;
        const t = meta && Number.isFinite(meta.mediaTime) && meta.mediaTime >= 0 ? meta.mediaTime : -1;
        if (t >= 0 && t >= seekedTo) {
          seekedTo = -1;
          shown = t;
        }
        onFrame(time());
        // pause/ended events stop the loop; no need to ask the element every frame.
        if (v.requestVideoFrameCallback) frameId = v.requestVideoFrameCallback(frame);
        else rafId = requestAnimationFrame(frame);
      };
      const loop = (): void => {
        if (signal.aborted || v.paused || v.ended) return stop();
        if (v.requestVideoFrameCallback) frameId = v.requestVideoFrameCallback(frame);
        else rafId = requestAnimationFrame(frame);
      };
      const onEvent = (event: Event): void => {
        if (event.type === 'seeking' || event.type === 'emptied') {
          shown = -1;
          seekedTo = event.type === 'seeking' ? finite(v.currentTime) : -1;
        }
        cb(snapshot());
        if (event.type === 'play' || event.type === 'playing' || event.type === 'seeked') {
          if (!frameId && !rafId) loop();
        } else if (event.type === 'pause' || event.type === 'ended' || event.type === 'emptied') stop();
      };
      for (const type of EVENTS) v.addEventListener(type, onEvent, { signal });
      signal.addEventListener('abort', stop, { once: true });
      if (!v.paused) loop();
    },
  };
}

/** A <bwp-video>: the bridge feeds its time (per frame while subscribed). */
export interface BwpHandle extends MediaHandle {
  feed(snap: MediaSnapshot): void;
}

export function bwpHandle(element: Element, bridge: BridgeClient): BwpHandle {
  let last: MediaSnapshot = { time: 0, paused: true, duration: 0, rate: 1 };
  const listeners = new Set<{ onChange(snap: MediaSnapshot): void; onFrame(time: number): void }>();
  return {
    kind: 'bwp',
    element,
    snapshot: () => last,
    seek: (t) => bridge.send({ kind: 'seek', t: Math.max(0, t) }),
    feed(snap) {
      // Per frame while playing only the time moves: that goes the per-frame way (filtered like
      // a <video>'s frames); a change of state goes to onChange.
      const frame = snap.paused === last.paused && snap.duration === last.duration && snap.rate === last.rate;
      last = snap;
      for (const l of listeners) {
        if (frame) l.onFrame(snap.time);
        else l.onChange(snap);
      }
    },
    subscribe(onChange, onFrame, signal) {
      const listener = { onChange, onFrame };
      listeners.add(listener);
      bridge.send({ kind: 'time-feed', on: true });
      signal.addEventListener(
        'abort',
        () => {
          listeners.delete(listener);
          if (listeners.size === 0) bridge.send({ kind: 'time-feed', on: false });
        },
        { once: true },
      );
    },
  };
}
