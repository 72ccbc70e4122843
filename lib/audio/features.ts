/**
 * Incremental audio features: per 10 ms frame of media time, the level in the speech band
 * (300–2500 Hz, where vowels — syllable nuclei — carry their energy) and the full-band level.
 * Fed with mono Float32 chunks at any sample rate; per sample it costs two biquads and two
 * squares (~20 flops), i.e. ~1 Mflop per second of 48 kHz audio — far below 1% of a core.
 *
 * Output is compact and serialisable (post it from an AudioWorklet, transfer the buffers):
 * levels are quantised to 0.5 dB in a Uint8Array. Frames carry media time, because the
 * listener may seek: the extractor follows the media time it is given and starts a new chunk
 * at every jump.
 */

export interface FeatureChunk {
  /** Media time (s) at the start of the first frame. */
  t: number;
  /** Media seconds per frame. */
  hop: number;
  /** Speech-band level per frame, quantised: see `levelDb`. */
  band: Uint8Array;
  /** Full-band level per frame, same scale. */
  full: Uint8Array;
}

/** Quantisation: code = round(2·(dB + 110)), clamped to 0..255; 0 means ≤ −110 dBFS (digital silence). */
export const levelDb = (code: number): number => code / 2 - 110;
const quantize = (power: number): number => {
  const db = power > 0 ? 10 * Math.log10(power) : -200;
  return Math.max(0, Math.min(255, Math.round(2 * (db + 110))));
};

export interface ExtractorOptions {
  sampleRate: number;
  /** Frame length in media seconds (default 0.01). */
  hop?: number;
  /** Frames per emitted chunk (default 50: one chunk per 0.5 s). */
  chunkFrames?: number;
  /**
   * A chunk whose media time differs from the running clock by more than this (s) is a jump
   * (a seek): the running frame is dropped and a new chunk starts. Default 0.25 s — above the
   * jitter of reading currentTime next to an audio callback, below any real seek.
   */
  jumpTolerance?: number;
}

export interface FeatureExtractor {
  /**
   * Feed samples; `mediaTime` is the media time of the chunk's first sample and `rate` the
   * playback rate (media seconds per second of audio). Returns the chunks completed by this
   * call (usually none or one).
   */
  push(samples: Float32Array, mediaTime: number, rate?: number): FeatureChunk[];
  /** Complete frames not yet emitted, as a chunk (or none); call before stopping. */
  flush(): FeatureChunk[];
  /** Forget the filter state and the clock (after a pause, a part switch). */
  reset(): void;
}

/** RBJ cookbook biquad coefficients, normalised (a0 = 1). */
function biquad(kind: 'lp' | 'hp', f: number, fs: number): [number, number, number, number, number] {
  const w = (2 * Math.PI * Math.min(f, fs * 0.45)) / fs;
  const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
  const c = Math.cos(w);
  const a0 = 1 + alpha;
  const b1 = kind === 'lp' ? 1 - c : -(1 + c);
  const b0 = kind === 'lp' ? (1 - c) / 2 : (1 + c) / 2;
  return [b0 / a0, b1 / a0, b0 / a0, (-2 * c) / a0, (1 - alpha) / a0];
}

export function createFeatureExtractor(options: ExtractorOptions): FeatureExtractor {
  const fs = options.sampleRate;
  if (!(fs >= 4000 && fs <= 384000)) throw new RangeError(`sample rate out of range: ${fs}`);
  const hop = options.hop ?? 0.01;
  const chunkFrames = options.chunkFrames ?? 50;
  const tolerance = options.jumpTolerance ?? 0.25;
  const [hb0, hb1, hb2, ha1, ha2] = biquad('hp', 300, fs);
  const [lb0, lb1, lb2, la1, la2] = biquad('lp', 2500, fs);
  // Filter state (direct form I).
  let hx1 = 0, hx2 = 0, hy1 = 0, hy2 = 0, ly1 = 0, ly2 = 0; // prettier-ignore
  let clock = NaN; // media time of the next sample
  let frameStart = NaN; // media time where the running frame began
  let acc = 0;
  let accFull = 0;
  let inFrame = 0; // samples in the running frame
  let perFrame = Math.round(hop * fs);
  let chunkT = NaN;
  let band: number[] = [];
  let full: number[] = [];

  const emit = (out: FeatureChunk[]): void => {
    if (band.length) out.push({ t: chunkT, hop, band: Uint8Array.from(band), full: Uint8Array.from(full) });
    band = [];
    full = [];
    chunkT = NaN;
  };
  const restart = (t: number): void => {
    hx1 = hx2 = hy1 = hy2 = ly1 = ly2 = 0;
    acc = accFull = 0;
    inFrame = 0;
    clock = t;
    frameStart = t;
  };

  return {
    push(samples, mediaTime, rate = 1) {
      const out: FeatureChunk[] = [];
      if (!Number.isFinite(mediaTime) || !(rate > 0)) return out;
      if (!Number.isFinite(clock) || Math.abs(mediaTime - clock) > tolerance) {
        emit(out);
        restart(mediaTime);
        // Frames sit on a grid of media time, so chunks heard twice land on the same frames.
        const aligned = Math.ceil(mediaTime / hop - 1e-9) * hop;
        const skip = Math.round(((aligned - mediaTime) / rate) * fs);
        frameStart = aligned;
        inFrame = -skip; // negative: samples still to skip before the first frame
      }
      perFrame = Math.max(1, Math.round((hop / rate) * fs));
      for (let i = 0; i < samples.length; i++) {
        const x = samples[i] as number;
        // High-pass then low-pass: the speech band.
        const h = hb0 * x + hb1 * hx1 + hb2 * hx2 - ha1 * hy1 - ha2 * hy2;
        hx2 = hx1;
        hx1 = x;
        const l = lb0 * h + lb1 * hy1 + lb2 * hy2 - la1 * ly1 - la2 * ly2;
        hy2 = hy1;
        hy1 = h;
        ly2 = ly1;
        ly1 = l;
        if (inFrame < 0) {
          inFrame++;
          continue;
        }
        acc += l * l;
        accFull += x * x;
        if (++inFrame === perFrame) {
          if (!Number.isFinite(chunkT)) chunkT = frameStart;
          band.push(quantize(acc / perFrame));
          full.push(quantize(accFull / perFrame));
          acc = accFull = 0;
          inFrame = 0;
          frameStart += hop;
          if (band.length >= chunkFrames) emit(out);
        }
      }
      clock = mediaTime + (samples.length / fs) * rate;
      return out;
    },
    flush() {
      const out: FeatureChunk[] = [];
      emit(out);
      return out;
    },
    reset() {
      band = [];
      full = [];
      chunkT = NaN;
      clock = NaN;
    },
  };
}
