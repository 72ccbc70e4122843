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
  requestVideoFrameCallback?: (cb: () => void) => number;
  cancelVideoFrameCallback?: (id: number) => void;
};

export function videoHandle(video: HTMLVideoElement): MediaHandle {
  const v = video as FrameVideo;
  const snapshot = (): MediaSnapshot => ({
    time: finite(v.currentTime),
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
      };
      // Sample once per presented frame. currentTime, not metadata.mediaTime: a frame's
      // timestamp sits up to a frame before a seek target, which would show the line before it.
      const frame = (): void => {
        frameId = rafId = 0;
        if (signal.aborted) return;
        onFrame(v.currentTime);
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
