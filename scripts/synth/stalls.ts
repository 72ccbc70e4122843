/**
 * The page's capture under main-thread stalls, replayed in Node: PCM cut into ScriptProcessor
 * buffers and delivered as Chromium 156 does (measured; lib/audio/callback-gate.ts): on time,
 * or — after a stall of S s — the buffers captured meanwhile lost but the last two, which arrive
 * ~S/buffer times, alternating, all at the stall's end with one playbackTime. Each buffer is
 * stamped as components/audio/capture.ts does (the element's currentTime, minus one buffer).
 */
import { createCallbackGate } from '../../lib/audio/callback-gate';
import { createFeatureExtractor } from '../../lib/audio/features';
import { createFeatureStore, type FeatureStore } from '../../lib/audio/store';
import { prng } from './corpus';
import type { Pcm } from './wav';

export interface StallOptions {
  seed: number;
  /** Chance that a stall starts at a buffer (0.002 at 4096 samples, 48 kHz: one per ~43 s). */
  stallRate: number;
  /** Media seconds delivered. */
  seconds: number;
  /** Gate the callbacks as the page does; false: every callback counts (before the gate). */
  gated: boolean;
  bufferSamples?: number;
}

export function featuresThroughStalls(pcm: Pcm, o: StallOptions): FeatureStore {
  const n = o.bufferSamples ?? 4096;
  const d = n / pcm.sampleRate;
  const r = prng(o.seed);
  const store = createFeatureStore(0.01, o.seconds + 60);
  const ex = createFeatureExtractor({ sampleRate: pcm.sampleRate });
  const fresh = createCallbackGate();
  const deliver = (now: number, k: number): void => {
    if (o.gated && !fresh(now + d, d)) {
      for (const c of ex.flush()) store.add(c);
      ex.reset();
      return;
    }
    for (const c of ex.push(pcm.samples.subarray(k * n, (k + 1) * n), now - d)) store.add(c);
  };
  const buffers = Math.floor(Math.min(o.seconds * pcm.sampleRate, pcm.samples.length) / n);
  for (let k = 0; k < buffers; k++) {
    const end = (k + 1) * d;
    if (k > 2 && r() < o.stallRate) {
      const stall = 0.2 + 1.3 * r();
      const missed = Math.max(2, Math.floor(stall / d));
      const last = Math.min(buffers - 1, k + missed - 1);
      for (let j = 0; j < missed; j++) deliver(end + stall, last - (j % 2));
      k = last;
      continue;
    }
    deliver(end + 0.01 * r(), k);
  }
  for (const c of ex.flush()) store.add(c);
  return store;
}
