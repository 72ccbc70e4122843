import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createListenModel } from '../../components/runtime/audio-align';
import { restoredLayer } from '../../components/runtime/audio-listen';
import type { Timing } from '../../components/models/timing';
import { timedUnits } from '../../lib/pack/source';
import { loadPack } from '../../scripts/pack-files';

const units = timedUnits(loadPack());

function model(enabled: boolean, el: Element | null) {
  const timing = { audio: signal(null), timeline: signal({}) } as unknown as Timing;
  const life = new AbortController();
  const m = createListenModel({
    win: window,
    life: life.signal,
    enabled: signal(enabled),
    units,
    duration: signal(2400),
    timing,
    media: signal(el),
  });
  return { m, timing, life };
}

const video = (props: Record<string, unknown>): HTMLVideoElement => {
  const v = document.createElement('video');
  for (const [k, value] of Object.entries(props)) Object.defineProperty(v, k, { value });
  return v;
};

describe('listen to align: the choice', () => {
  beforeEach(() => fakeBrowser.reset());
  it('is off, and reads nothing, unless the user opted in', async () => {
    const { m } = model(false, video({ captureStream: () => null }));
    expect(m.state.value).toBe('off');
    await new Promise((r) => setTimeout(r, 10));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
  it('is offered for a <video> with captureStream()', () => {
    expect(model(true, video({ captureStream: () => null })).m.state.value).toBe('idle');
  });
  it('is not offered in Firefox, known by mozCaptureStream, even beside an unprefixed captureStream (Firefox ESR 153)', () => {
    const v = video({ mozCaptureStream: () => null });
    Object.defineProperty(v, 'captureStream', { value: undefined });
    expect(model(true, v).m.state.value).toBe('unsupported-firefox');
    expect(model(true, video({ mozCaptureStream: () => null, captureStream: () => null })).m.state.value).toBe('unsupported-firefox');
  });
  it("is not offered for Bilibili's <bwp-video> or with no media", () => {
    expect(model(true, document.createElement('bwp-video')).m.state.value).toBe('unsupported-player');
    expect(model(true, null).m.state.value).toBe('unsupported-player');
  });
});

describe('stored audio anchors (untrusted)', () => {
  const ok = {
    v: 1 as const,
    duration: 2400,
    heardSeconds: 150,
    anchors: [
      { index: 0, time: 1, confidence: 0.9 },
      { index: 2, time: 12.8, confidence: 0.97 },
    ],
  };
  it('give starts for every segment, resting on the anchors', () => {
    const layer = restoredLayer(units, ok, 2400)!;
    expect(layer.starts).toHaveLength(units.length);
    expect(layer.starts[2]).toBeCloseTo(12.8, 1);
    expect(layer.anchors).toEqual([
      { index: 0, time: 1 },
      { index: 2, time: 12.8 },
    ]);
  });
  it('are refused when they are not an alignment (out of range, low confidence, going backwards)', () => {
    expect(restoredLayer(units, { ...ok, anchors: [{ index: 9999, time: 1, confidence: 1 }] }, 2400)).toBeNull();
    expect(restoredLayer(units, { ...ok, anchors: [{ index: 3, time: 1, confidence: 0.1 }] }, 2400)).toBeNull();
    expect(
      restoredLayer(
        units,
        {
          ...ok,
          anchors: [
            { index: 3, time: 50, confidence: 1 },
            { index: 4, time: 20, confidence: 1 },
          ],
        },
        2400,
      ),
    ).toBeNull();
    expect(restoredLayer(units, { ...ok, anchors: [{ index: 1, time: Number.NaN, confidence: 1 }] }, 2400)).toBeNull();
    expect(restoredLayer(units, { ...ok, v: 2 } as unknown as typeof ok, 2400)).toBeNull();
  });
});
