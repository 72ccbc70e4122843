import { describe, expect, it } from 'vitest';
import type { MediaHandle, MediaSnapshot } from '../../bilibili/media';
import { createPlayback } from '../../components/models/playback';
import type { CalibrationRecord } from '../../components/models/storage';
import { createTiming, validCalibration } from '../../components/models/timing';
import { loadPack } from '../../scripts/pack-files';

const pack = loadPack();

function fakeMedia(duration = 2400) {
  let snap: MediaSnapshot = { time: 0, paused: true, duration, rate: 1 };
  let listener: ((s: MediaSnapshot) => void) | null = null;
  let frameListener: ((t: number) => void) | null = null;
  const handle: MediaHandle = {
    kind: 'video',
    element: document.createElement('video'),
    snapshot: () => snap,
    seek(t) {
      snap = { ...snap, time: t };
      listener?.(snap);
    },
    subscribe(cb, onFrame) {
      listener = cb;
      frameListener = onFrame;
    },
  };
  const frame = (t: number): void => {
    snap = { ...snap, time: t, paused: false };
    frameListener?.(t);
  };
  return { handle, at: (t: number) => handle.seek(t), frame };
}

function setup(stored: CalibrationRecord | null = null) {
  const saved: CalibrationRecord[] = [];
  const playback = createPlayback();
  const media = fakeMedia();
  playback.attach(media.handle, new AbortController().signal);
  const timing = createTiming(pack, playback, [0], { load: async () => stored, save: async (r) => void saved.push(r) });
  return { playback, media, timing, saved };
}

describe('timing model', () => {
  it('follows the media time to the active segment', async () => {
    const { media, timing } = setup();
    await timing.ready;
    const starts = timing.timeline.value.starts;
    media.at(starts[40]! + 0.01);
    expect(timing.active.value).toBe(40);
    media.at(starts[41]!);
    expect(timing.active.value).toBe(41);
  });
  it('publishes a played frame only when the line or the readout second changes', async () => {
    const { media, timing, playback } = setup();
    await timing.ready;
    const starts = timing.timeline.value.starts;
    const a = starts[60]! + 0.01;
    media.at(a);
    media.frame(a + 0.04);
    media.frame(a + 0.08);
    expect(playback.time.value).toBe(a);
    expect(playback.now()).toBeCloseTo(a + 0.08, 9);
    media.frame(Math.floor(a) + 1.001);
    expect(playback.time.value).toBeCloseTo(Math.floor(a) + 1.001, 9);
    media.frame(starts[61]!);
    expect(playback.time.value).toBe(starts[61]);
    expect(timing.active.value).toBe(61);
  });
  it('"this line is now" pins the line at the current time and persists it by segment id', async () => {
    const { media, timing, saved } = setup();
    await timing.ready;
    media.at(1000);
    timing.markNow(200);
    expect(timing.timeline.value.starts[200]).toBe(1000);
    expect(timing.timeline.value.source).toBe('calibrated');
    expect(timing.active.value).toBe(200);
    expect(saved.at(-1)).toEqual({ v: 1, anchors: [{ segmentId: pack.segments[200]!.id, time: 1000 }], offset: 0 });
  });
  it("its own saved calibration coming back from storage does not rebuild the timeline; another tab's does", async () => {
    let echo: ((v: unknown) => void) | undefined;
    const playback = createPlayback();
    playback.attach(fakeMedia().handle, new AbortController().signal);
    const timing = createTiming(pack, playback, [0], {
      load: async () => null,
      // Like storage.onChanged: the write comes back later, as a copy.
      save: async (r) => void setTimeout(() => echo?.(JSON.parse(JSON.stringify(r))), 0),
      watch: (cb) => ((echo = cb), () => undefined),
    });
    await timing.ready;
    timing.nudge(0.5);
    const after = timing.timeline.value;
    await new Promise((r) => setTimeout(r, 10));
    expect(timing.timeline.value).toBe(after);
    echo?.({ v: 1, anchors: [], offset: 1 });
    expect(timing.timeline.value).not.toBe(after);
    expect(timing.calibration.value.offset).toBe(1);
  });
  it('nudges by ±0.5 s and resets', async () => {
    const { timing, saved } = setup();
    await timing.ready;
    const before = timing.timeline.value.starts[50]!;
    timing.nudge(0.5);
    timing.nudge(0.5);
    timing.nudge(-0.5);
    expect(timing.timeline.value.starts[50]).toBeCloseTo(before + 0.5, 9);
    timing.reset();
    expect(timing.timeline.value.starts[50]).toBeCloseTo(before, 9);
    expect(timing.timeline.value.source).toBe('estimate');
    expect(saved.at(-1)).toEqual({ v: 1, anchors: [], offset: 0 });
  });
  it('loads stored anchors; an anchor made under an offset lands where the user saw it', async () => {
    const { media, timing } = setup({ v: 1, anchors: [{ segmentId: 's100', time: 900 }], offset: 2 });
    await timing.ready;
    expect(timing.timeline.value.starts[99]).toBe(902);
    media.at(1500);
    timing.markNow(150);
    expect(timing.timeline.value.starts[150]).toBeCloseTo(1500, 9);
  });
  it('treats stored garbage as no calibration', () => {
    const ids = new Set(pack.segments.map((s) => s.id));
    expect(validCalibration('x', ids)).toEqual({ v: 1, anchors: [], offset: 0 });
    expect(
      validCalibration(
        {
          anchors: [
            { segmentId: 'nope', time: 3 },
            { segmentId: 's001', time: -1 },
            { segmentId: 's002', time: 5 },
          ],
          offset: 1e9,
        },
        ids,
      ),
    ).toEqual({
      v: 1,
      anchors: [{ segmentId: 's002', time: 5 }],
      offset: 600,
    });
  });
});
