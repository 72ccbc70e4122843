/**
 * The synthetic-speech corpus, made at test time (nothing large is committed): Mandarin speech
 * of the talk with Debian's espeak-ng (`-v cmn`) and sox, with its true segment starts beside it.
 *
 * What is spoken: by default each segment's *source span* — the raw ASR text, fillers
 * included — because that is what was said in the room (the ASR transcribed it, and cut its
 * cues where it heard pauses); `text: 'clean'` speaks the cleaned segments instead (a text the
 * aligner did not see: a mismatch test), `text: 'foreign'` a different Chinese text (the
 * glossary's explanations) for the aligner's gates.
 *
 * Per speaker (seeded): an espeak-ng voice variant, rate (words per minute, ~4–6 syllables/s),
 * pitch and level. Between pieces (lib/cues.ts): random pauses, longer at paragraphs and
 * turns; sometimes almost none (an ASR also cuts a cue at ~20 characters without a pause).
 * Stretches of silence or applause-like noise between some turns, a missing stretch (60 s in
 * the whole talk, speech zeroed as if the microphone dropped out), a low noise floor.
 *
 * Cached in .cache/synth/ by a hash of the options, the generator version and the text.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { piecesOf, type Break } from '../../lib/cues';
import { timedUnits } from '../../lib/pack/source';
import type { TalkPack } from '../../lib/pack/types';
import { loadPack } from '../pack-files';
import { parseWav } from './wav';

const run = promisify(execFile);

/** Bump when the generator changes what it makes (invalidates the cache). */
const GENERATOR = 5;
export const CACHE_DIR = join(process.cwd(), '.cache', 'synth');
const RATE = 22050; // espeak-ng's output rate; sox resamples the mix to OUT_RATE
export const OUT_RATE = 16000;

export type CorpusText = 'raw' | 'clean' | 'foreign';

export interface CorpusOptions {
  seed: number;
  /** An excerpt: stop at the first segment starting after this many seconds. Omit: the whole talk. */
  seconds?: number;
  text?: CorpusText;
}

export interface CorpusTruth {
  seed: number;
  text: CorpusText;
  /** Length of the audio (s). */
  duration: number;
  sampleRate: number;
  /** True start (s) of every pack segment; null when it is not in the audio (past the excerpt, or foreign text). */
  starts: (number | null)[];
  /** The stretch whose speech was zeroed (a dropout), or null. */
  missing: [number, number] | null;
  /** Inserted stretches with no speech. */
  stretches: { from: number; to: number; kind: 'silence' | 'noise' }[];
  voices: Record<string, { voice: string; rate: number; pitch: number; gainDb: number }>;
  /** Every spoken piece: onset and length (s), segment index (null: foreign text). For diagnosis. */
  pieces: { at: number; len: number; unit: number | null; text: string }[];
}

export interface Corpus {
  wav: string;
  truth: CorpusTruth;
}

/** mulberry32: small, seeded, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Spoken {
  unit: number | null;
  first: boolean;
  before: Break;
  text: string;
  speaker: string;
}

/** What is spoken, piece by piece. */
function script(pack: TalkPack, text: CorpusText): Spoken[] {
  if (text === 'raw') {
    const units = timedUnits(pack);
    // Re-split the same way lib/cues.ts does, keeping the text of each piece.
    const out: Spoken[] = [];
    const pieces = piecesOf(units);
    let p = 0;
    units.forEach((u, i) => {
      const parts = u.source.split(/[，。\n]+/).filter((s) => /[\p{Script=Han}A-Za-z0-9]/u.test(s));
      const mine = [];
      while (p < pieces.length && pieces[p]!.unit === i) mine.push(pieces[p++]!);
      mine.forEach((piece, k) => out.push({ unit: i, first: piece.first, before: piece.before, text: parts[k] ?? '', speaker: u.speaker }));
    });
    return out;
  }
  const out: Spoken[] = [];
  const split = (s: string): { text: string; before: Break }[] => {
    const res: { text: string; before: Break }[] = [];
    let before: Break = 'none';
    for (const part of s.split(/([，。？！：；、,.?!;:]+)/)) {
      if (/^[，。？！：；、,.?!;:]+$/.test(part)) before = /[。？！.?!]/.test(part) ? 'para' : 'cue';
      else if (/[\p{Script=Han}A-Za-z0-9]/u.test(part)) {
        res.push({ text: part, before });
        before = 'none';
      }
    }
    return res;
  };
  if (text === 'clean') {
    let prevSpeaker = '';
    let carry: Break = 'none';
    pack.segments.forEach((seg, i) => {
      split(seg.text).forEach((piece, k) => {
        const before: Break = k === 0 ? (prevSpeaker && prevSpeaker !== seg.speaker ? 'turn' : carry) : piece.before;
        out.push({ unit: i, first: k === 0, before, text: piece.text, speaker: seg.speaker });
      });
      carry = /[。？！]$/.test(seg.text) ? 'para' : 'cue';
      prevSpeaker = seg.speaker;
    });
    return out;
  }
  // foreign: the glossary's long explanations, one "speaker" per term in turn.
  pack.terms.forEach((t, i) => {
    const speaker = pack.speakers[i % pack.speakers.length]!.id;
    split(t.long).forEach((piece, k) =>
      out.push({ unit: null, first: false, before: k === 0 ? 'turn' : piece.before, text: piece.text, speaker }),
    );
  });
  return out;
}

const VARIANTS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'f1', 'f2', 'f3', 'f4', 'f5'];

async function speak(text: string, v: { voice: string; rate: number; pitch: number }): Promise<Float32Array> {
  if (!text.trim()) return new Float32Array(0);
  const { stdout } = await run('espeak-ng', ['-v', `cmn+${v.voice}`, '-s', String(v.rate), '-p', String(v.pitch), '--stdout', text], {
    encoding: 'buffer',
    maxBuffer: 64 << 20,
  });
  const pcm = parseWav(stdout);
  if (pcm.sampleRate !== RATE) throw new Error(`espeak-ng wrote ${pcm.sampleRate} Hz, expected ${RATE}`);
  return trim(pcm.samples);
}

/** Cut espeak's leading and trailing silence, so a clip's first sample is its speech onset. */
function trim(x: Float32Array): Float32Array {
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const th = peak * 0.03;
  let a = 0;
  let b = x.length - 1;
  while (a < b && Math.abs(x[a] as number) < th) a++;
  while (b > a && Math.abs(x[b] as number) < th) b--;
  return x.slice(a, b + 1);
}

async function pool<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i] as T);
      }
    }),
  );
  return out;
}

function pause(before: Break, r: () => number): number {
  const logn = (median: number, sigma: number): number => {
    const g = (r() + r() + r() + r() - 2) * 1.73; // ≈ N(0, 1)
    return median * Math.exp(sigma * g);
  };
  const clip = (x: number, a: number, b: number): number => Math.min(b, Math.max(a, x));
  switch (before) {
    case 'none':
      return 0.02 + 0.05 * r();
    case 'cue':
      // An ASR also cuts at ~20 characters without a pause.
      return r() < 0.12 ? 0.03 + 0.06 * r() : clip(logn(0.32, 0.45), 0.1, 1.6);
    case 'para':
      return clip(logn(0.8, 0.4), 0.4, 2.5);
    case 'turn':
      return 0.8 + 2.2 * r();
  }
}

export async function ensureCorpus(options: CorpusOptions, pack: TalkPack = loadPack()): Promise<Corpus> {
  const text = options.text ?? 'raw';
  const spoken = script(pack, text);
  const key = createHash('sha256')
    .update(JSON.stringify({ GENERATOR, seed: options.seed, seconds: options.seconds ?? null, text, spoken }))
    .digest('hex')
    .slice(0, 16);
  const wav = join(CACHE_DIR, `${key}.wav`);
  const meta = join(CACHE_DIR, `${key}.json`);
  if (existsSync(wav) && existsSync(meta)) return { wav, truth: JSON.parse(readFileSync(meta, 'utf8')) as CorpusTruth };

  const r = prng(options.seed * 7919 + 17);
  const voices: CorpusTruth['voices'] = {};
  for (const s of pack.speakers)
    voices[s.id] = {
      voice: VARIANTS[Math.floor(r() * VARIANTS.length)]!,
      rate: Math.round(300 + 130 * r()),
      pitch: Math.round(25 + 50 * r()),
      gainDb: -8 + 10 * r(),
    };

  // Only synthesise what the excerpt needs: estimate ~0.24 s per character as a generous bound.
  let take = spoken.length;
  if (options.seconds !== undefined) {
    let t = 0;
    take = spoken.findIndex((p) => (t += 0.5 + p.text.length * 0.24) > options.seconds! + 30);
    if (take < 0) take = spoken.length;
  }
  const clips = await pool(spoken.slice(0, take), 2, (p) => speak(p.text, voices[p.speaker]!));

  // Lay out: pauses, stretches before some turns, clips.
  const turns = spoken.slice(0, take).flatMap((p, i) => (p.before === 'turn' ? [i] : []));
  const nStretch = options.seconds === undefined ? 3 : 1;
  const stretchAt = new Map<number, { len: number; kind: 'silence' | 'noise' }>();
  for (let k = 0; k < nStretch && turns.length > 2; k++) {
    const i = turns[1 + Math.floor(r() * (turns.length - 1))]!;
    stretchAt.set(i, { len: options.seconds === undefined ? 5 + 10 * r() : 3 + 3 * r(), kind: r() < 0.5 ? 'silence' : 'noise' });
  }
  const placed: { at: number; clip: Float32Array; gain: number }[] = [];
  const stretches: CorpusTruth['stretches'] = [];
  const pieces: CorpusTruth['pieces'] = [];
  const starts: (number | null)[] = new Array<number | null>(pack.segments.length).fill(null);
  let t = 0.5 + r();
  for (let i = 0; i < take; i++) {
    const p = spoken[i]!;
    const clip = clips[i]!;
    if (i > 0) t += pause(p.before, r);
    const s = stretchAt.get(i);
    if (s) {
      stretches.push({ from: t, to: t + s.len, kind: s.kind });
      t += s.len + 0.5 + r();
    }
    if (options.seconds !== undefined && p.first && p.unit !== null && t > options.seconds) break;
    if (p.first && p.unit !== null) starts[p.unit] = t;
    placed.push({ at: t, clip, gain: Math.pow(10, voices[p.speaker]!.gainDb / 20) });
    pieces.push({ at: t, len: clip.length / RATE, unit: p.unit, text: p.text });
    t += clip.length / RATE;
  }
  const duration = t + 1.5;
  const n = Math.ceil(duration * RATE);
  const mix = new Float32Array(n);
  for (const { at, clip, gain } of placed) {
    const o = Math.round(at * RATE);
    for (let k = 0; k < clip.length && o + k < n; k++) mix[o + k] = (mix[o + k] as number) + (clip[k] as number) * gain * 0.5;
  }
  // The missing stretch: speech zeroed (the noise floor, added after, stays).
  const missLen = options.seconds === undefined ? 60 : 12;
  const missing: [number, number] | null =
    duration > 4 * missLen ? ((a) => [a, a + missLen] as [number, number])((0.35 + 0.3 * r()) * duration) : null;
  if (missing) mix.fill(0, Math.round(missing[0] * RATE), Math.round(missing[1] * RATE));
  for (const s of stretches)
    if (s.kind === 'noise') {
      // Applause-like: bursts of broadband noise.
      for (let k = Math.round(s.from * RATE); k < Math.round(s.to * RATE) && k < n; k++) {
        const env = 0.5 + 0.5 * Math.sin((2 * Math.PI * k) / (RATE * (0.13 + 0.05 * Math.sin(k / RATE))));
        mix[k] = (mix[k] as number) + (r() - 0.5) * 0.25 * env;
      }
    }
  for (let k = 0; k < n; k++) mix[k] = (mix[k] as number) + (r() + r() + r() - 1.5) * 0.004;

  mkdirSync(CACHE_DIR, { recursive: true });
  // Per process: test workers may make the same corpus at once (the result is the same file).
  const tmp = `${wav}.${process.pid}.tmp.wav`;
  execFileSync(
    'sox',
    [
      // Repeatable: sox dithers the cut to 16 bits with fresh random numbers each run, so the same
      // seed made different files, and a test near an edge passed on one machine, failed on another.
      '-R',
      '-t',
      'raw',
      '-r',
      String(RATE),
      '-e',
      'floating-point',
      '-b',
      '32',
      '-c',
      '1',
      '-',
      '-r',
      String(OUT_RATE),
      '-b',
      '16',
      tmp,
      'highpass',
      '60',
    ],
    { input: Buffer.from(mix.buffer, mix.byteOffset, mix.byteLength), maxBuffer: 1 << 20 },
  );
  renameSync(tmp, wav);
  const truth: CorpusTruth = { seed: options.seed, text, duration, sampleRate: OUT_RATE, starts, missing, stretches, voices, pieces };
  writeFileSync(`${meta}.${process.pid}.tmp`, `${JSON.stringify(truth)}\n`);
  renameSync(`${meta}.${process.pid}.tmp`, meta);
  return { wav, truth };
}

/** True when the corpus can be made here (espeak-ng and sox on PATH). */
export function canSynthesize(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    execFileSync('sox', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
