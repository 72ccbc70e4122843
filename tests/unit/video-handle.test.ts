import { describe, expect, it } from 'vitest';
import { videoHandle } from '../../bilibili/media';

type FrameCb = (now: number, meta: { mediaTime: number }) => void;

/** A <video> that plays and presents frames when the test says so. */
function playingVideo(withMeta = true): { video: HTMLVideoElement; present(mediaTime: number): void; at(t: number): void } {
  const video = document.createElement('video');
  let t = 0;
  let cb: FrameCb | null = null;
  Object.defineProperties(video, {
    paused: { get: () => false },
    ended: { get: () => false },
    duration: { get: () => 2400 },
    currentTime: { get: () => t, set: (v: number) => void (t = v) },
    requestVideoFrameCallback: { value: (f: FrameCb) => ((cb = f), 1) },
    cancelVideoFrameCallback: { value: () => void (cb = null) },
  });
  return {
    video,
    present(mediaTime) {
      const f = cb;
      cb = null;
      if (withMeta) f?.(0, { mediaTime });
      else (f as unknown as ((now: number) => void) | null)?.(0);
    },
    at(v) {
      t = v;
    },
  };
}

describe('<video> handle, per presented frame', () => {
  it("publishes the presented frame's time, not the currentTime that trails it", () => {
    const { video, present, at } = playingVideo();
    const frames: number[] = [];
    videoHandle(video).subscribe(
      () => undefined,
      (t) => frames.push(t),
      new AbortController().signal,
    );
    at(100.0);
    present(100.05);
    at(100.05);
    present(100.15);
    expect(frames).toEqual([100.05, 100.15]);
  });

  it('right after a seek, the target until a frame reaches it (earlier frames would show the line before)', () => {
    const { video, present, at } = playingVideo();
    const frames: number[] = [];
    videoHandle(video).subscribe(
      () => undefined,
      (t) => frames.push(t),
      new AbortController().signal,
    );
    present(10);
    at(600.3);
    video.dispatchEvent(new Event('seeking'));
    present(600.28); // the keyframe before the target
    present(600.32);
    present(600.36);
    expect(frames).toEqual([10, 600.3, 600.32, 600.36]);
  });

  it('without frame metadata, currentTime', () => {
    const { video, present, at } = playingVideo(false);
    const frames: number[] = [];
    videoHandle(video).subscribe(
      () => undefined,
      (t) => frames.push(t),
      new AbortController().signal,
    );
    at(42);
    present(42.5);
    expect(frames).toEqual([42]);
  });
});
