/** Node-side helpers shared by the bench, the CLI and the tests: features of a file, error statistics. */
import { readFileSync } from 'node:fs';
import { createFeatureExtractor } from '../../lib/audio/features';
import { createFeatureStore, type FeatureStore } from '../../lib/audio/store';
import { parseWav, type Pcm } from './wav';

/**
 * Feed PCM through the extractor as a browser would: `chunk` samples at a time (an
 * AudioWorklet delivers 128), media time advancing with the samples. `heard` limits which
 * media time is fed (a listener who heard only part of the talk).
 */
export function featuresOf(pcm: Pcm, heard: readonly [number, number][] = [[0, Infinity]], chunk = 2048): FeatureStore {
  const store = createFeatureStore();
  const ex = createFeatureExtractor({ sampleRate: pcm.sampleRate });
  const fs = pcm.sampleRate;
  for (const [a, b] of heard) {
    ex.reset();
    const from = Math.max(0, Math.round(a * fs));
    const to = Math.min(pcm.samples.length, Math.round(Math.min(b, pcm.samples.length / fs) * fs));
    for (let i = from; i < to; i += chunk) for (const c of ex.push(pcm.samples.subarray(i, Math.min(to, i + chunk)), i / fs)) store.add(c);
    for (const c of ex.flush()) store.add(c);
  }
  return store;
}

export const readWav = (path: string): Pcm => parseWav(readFileSync(path));

export interface ErrorStats {
  n: number;
  median: number;
  p90: number;
  max: number;
  within1: number;
  within2: number;
}

/** Start errors (s) over the segments that have a true start. */
export function startErrors(predicted: readonly number[], truth: readonly (number | null)[]): ErrorStats {
  const e: number[] = [];
  truth.forEach((t, i) => {
    if (t !== null && predicted[i] !== undefined) e.push(Math.abs((predicted[i] as number) - t));
  });
  e.sort((a, b) => a - b);
  const q = (p: number): number => e[Math.min(e.length - 1, Math.max(0, Math.ceil(p * e.length) - 1))] ?? NaN;
  return {
    n: e.length,
    median: q(0.5),
    p90: q(0.9),
    max: e[e.length - 1] ?? NaN,
    within1: e.filter((x) => x <= 1).length / (e.length || 1),
    within2: e.filter((x) => x <= 2).length / (e.length || 1),
  };
}

export const fmtStats = (s: ErrorStats): string =>
  `median ${s.median.toFixed(2)} s · p90 ${s.p90.toFixed(2)} s · max ${s.max.toFixed(1)} s · ≤1 s ${(100 * s.within1).toFixed(0)}% · ≤2 s ${(100 * s.within2).toFixed(0)}%`;
