/**
 * The E2E fixture's audio path (scripts/synth/video.ts) without the video: a WAV padded with
 * silence to `seconds`, Opus at 32 kb/s, decoded at 48 kHz as Chromium plays it. The codec
 * splits speech runs differently from the clean WAV — bugs have hidden there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWav } from './evaluate';
import type { Pcm } from './wav';

export function throughOpus(wav: string, seconds = 200): Pcm {
  const dir = mkdtempSync(join(tmpdir(), 'companion-opus-'));
  try {
    const ffmpeg = (args: string[]) => execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-loglevel', 'error', '-y', ...args]);
    ffmpeg(['-i', wav, '-af', `apad=whole_dur=${seconds}`, '-t', String(seconds), '-c:a', 'libopus', '-b:a', '32k', join(dir, 'a.webm')]);
    ffmpeg(['-i', join(dir, 'a.webm'), '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', join(dir, 'a.wav')]);
    return readWav(join(dir, 'a.wav'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
