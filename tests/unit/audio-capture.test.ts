/**
 * The capture's callbacks as Chromium delivers them. Measured in Chromium 156 (a 1 s busy loop on
 * the page while a ScriptProcessor ran): the missed callbacks fire at once, all with one
 * playbackTime, each holding one of the last two buffers again. Stamped with the present, that
 * stale sound was "heard" twice, and the aligner then gave confident anchors seconds off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../components/audio/capture';
import { levelDb, type FeatureChunk } from '../../lib/audio';

const RATE = 48000;
const N = 4096;
const D = N / RATE;

class FakeNode {
  onaudioprocess: ((e: unknown) => void) | null = null;
  gain = { value: 1 };
  connect(): void {}
  disconnect(): void {}
}

let processor: FakeNode;
const contexts: FakeAudioContext[] = [];
class FakeAudioContext {
  currentTime = 0;
  constructor() {
    contexts.push(this);
  }
  sampleRate = RATE;
  destination = {};
  createScriptProcessor(): FakeNode {
    return (processor = new FakeNode());
  }
  createGain = (): FakeNode => new FakeNode();
  createMediaStreamSource = (): FakeNode => new FakeNode();
  resume = (): Promise<void> => Promise.resolve();
  close = (): Promise<void> => Promise.resolve();
}

const tone = (loud: boolean): Float32Array =>
  Float32Array.from({ length: N }, (_, i) => (loud ? 0.5 * Math.sin((2 * Math.PI * 1000 * i) / RATE) : 0));

function fakeVideo(): HTMLVideoElement {
  const video = Object.assign(new EventTarget(), {
    paused: false,
    seeking: false,
    playbackRate: 1,
    currentTime: 0,
    captureStream: () => ({ getAudioTracks: () => [{}], getTracks: () => [{ stop() {} }], addEventListener() {} }),
  });
  return video as unknown as HTMLVideoElement;
}

describe('capture: callbacks after a main-thread stall', () => {
  const saved = (globalThis as { AudioContext?: unknown }).AudioContext;
  afterEach(() => void ((globalThis as { AudioContext?: unknown }).AudioContext = saved));

  it('stale buffers fired again at once are not heard at the present time; the buffers before are', () => {
    (globalThis as { AudioContext?: unknown }).AudioContext = FakeAudioContext;
    const video = fakeVideo();
    const life = new AbortController();
    const chunks: FeatureChunk[] = [];
    listen(video, life.signal, (c) => chunks.push(c));
    const fire = (now: number, playback: number, samples: Float32Array): void => {
      contexts[contexts.length - 1]!.currentTime = now;
      (video as { currentTime: number }).currentTime = now;
      processor.onaudioprocess!({ playbackTime: playback, inputBuffer: { duration: D, getChannelData: () => samples } });
    };
    // 30 callbacks on time; buffers 27 and 28 hold a tone (speech), the rest silence.
    for (let k = 0; k < 30; k++) fire((k + 1) * D, (k + 2) * D, tone(k === 27 || k === 28));
    // A 1 s stall: 11 callbacks at its end, one playbackTime, buffers 28 and 27 again and again.
    const late = 30 * D + 1;
    for (let j = 0; j < 11; j++) fire(late, late + D, tone(true));
    // On time again, silence.
    for (let k = 0; k < 20; k++) fire(late + (k + 1) * D, late + (k + 2) * D, tone(false));
    life.abort();

    const loudAt = chunks.flatMap((c) => [...c.band].flatMap((v, i) => (levelDb(v) > -40 ? [c.t + i * c.hop] : [])));
    // The tone where it played…
    expect(loudAt.filter((t) => t >= 27 * D - 0.02 && t < 29 * D + 0.02).length).toBeGreaterThan(10);
    // …and nowhere after the stall.
    expect(loudAt.filter((t) => t > 30 * D + 0.05)).toEqual([]);
  });
});
