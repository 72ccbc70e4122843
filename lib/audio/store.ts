/**
 * Heard features on one grid of media time: frame k covers [k·hop, (k+1)·hop). Chunks from a
 * seek land where they belong; a stretch heard twice keeps the latest hearing. Nothing but
 * these levels is kept (no audio), and only derived anchors are meant to be stored.
 */
import type { FeatureChunk } from './features';

export interface Frames {
  hop: number;
  /** Frames in use (the arrays may be longer). */
  length: number;
  band: Uint8Array;
  full: Uint8Array;
  /** 1 where the frame was heard. */
  heard: Uint8Array;
}

export interface FeatureStore {
  add(chunk: FeatureChunk): void;
  /** Seconds of media heard (each frame counted once). */
  heardSeconds(): number;
  /** The frames, read-only view (valid until the next add). */
  frames(): Frames;
  clear(): void;
}

/** `maxSeconds` bounds memory (3 bytes per frame: 40 min at 10 ms = 720 KB); later frames are ignored. */
export function createFeatureStore(hop = 0.01, maxSeconds = 6 * 3600): FeatureStore {
  let band: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let full: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let heard: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let length = 0;
  let count = 0;
  const maxFrames = Math.ceil(maxSeconds / hop);
  const grow = (n: number): void => {
    if (n <= band.length) return;
    const cap = Math.min(maxFrames, Math.max(n, band.length * 2, 6000));
    const copy = (a: Uint8Array): Uint8Array<ArrayBuffer> => {
      const b = new Uint8Array(cap);
      b.set(a.subarray(0, Math.min(a.length, cap)));
      return b;
    };
    band = copy(band);
    full = copy(full);
    heard = copy(heard);
  };
  return {
    add(chunk) {
      if (!Number.isFinite(chunk.t) || chunk.t < 0 || Math.abs(chunk.hop - hop) > 1e-9) return;
      const k0 = Math.round(chunk.t / hop);
      const n = Math.min(chunk.band.length, chunk.full.length, maxFrames - k0);
      if (n <= 0) return;
      grow(k0 + n);
      for (let i = 0; i < n; i++) {
        const k = k0 + i;
        if (!heard[k]) count++;
        heard[k] = 1;
        band[k] = chunk.band[i] as number;
        full[k] = chunk.full[i] as number;
      }
      length = Math.max(length, k0 + n);
    },
    heardSeconds: () => count * hop,
    frames: () => ({ hop, length, band, full, heard }),
    clear() {
      band = new Uint8Array(0);
      full = new Uint8Array(0);
      heard = new Uint8Array(0);
      length = 0;
      count = 0;
    },
  };
}
