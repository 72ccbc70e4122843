/** Synthetic test signals (no espeak): tones, clicks, noise, "music". Seeded, deterministic. */
import { prng } from '../../../scripts/synth/corpus';

export const silence = (seconds: number, fs: number): Float32Array => new Float32Array(Math.round(seconds * fs));

export function whiteNoise(seconds: number, fs: number, amp = 0.1, seed = 1): Float32Array {
  const r = prng(seed);
  return Float32Array.from({ length: Math.round(seconds * fs) }, () => (r() * 2 - 1) * amp);
}

export function tone(seconds: number, fs: number, hz: number, amp = 0.3): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * fs) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / fs));
}

/**
 * Syllable-like bursts: a 150–300 Hz harmonic tone gated on for `on` seconds, off for `off`,
 * with a raised-cosine envelope — a click train at a syllable rate.
 */
export function bursts(seconds: number, fs: number, on: number, off: number, amp = 0.3): Float32Array {
  const out = new Float32Array(Math.round(seconds * fs));
  const period = on + off;
  for (let i = 0; i < out.length; i++) {
    const t = i / fs;
    const ph = t % period;
    if (ph >= on) continue;
    const env = 0.5 - 0.5 * Math.cos((2 * Math.PI * ph) / on);
    out[i] = amp * env * (Math.sin(2 * Math.PI * 220 * t) + 0.5 * Math.sin(2 * Math.PI * 660 * t) + 0.3 * Math.sin(2 * Math.PI * 1100 * t));
  }
  return out;
}

/** "Music": random notes (harmonic tones, 0.12–0.6 s) with short gaps and a slow dynamic swell. */
export function music(seconds: number, fs: number, seed = 1): Float32Array {
  const r = prng(seed);
  const out = new Float32Array(Math.round(seconds * fs));
  let i = 0;
  while (i < out.length) {
    const len = Math.round((0.12 + 0.48 * r()) * fs);
    const gap = r() < 0.3 ? Math.round(0.05 * r() * fs) : 0;
    const hz = 220 * Math.pow(2, Math.floor(r() * 24) / 12);
    for (let k = 0; k < len && i + k < out.length; k++) {
      const t = (i + k) / fs;
      const env = Math.min(1, k / (0.01 * fs)) * Math.exp(-k / (0.4 * fs));
      const swell = 0.6 + 0.4 * Math.sin((2 * Math.PI * t) / 20);
      out[i + k] = 0.25 * swell * env * (Math.sin(2 * Math.PI * hz * t) + 0.4 * Math.sin(4 * Math.PI * hz * t));
    }
    i += len + gap;
  }
  return out;
}

export const concat = (...parts: Float32Array[]): Float32Array => {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
