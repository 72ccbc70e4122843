/**
 * The E2E fixture's audio path (scripts/synth/video.ts) without the video: a WAV padded with
 * silence to `seconds`, Opus at 32 kb/s, decoded at 48 kHz as Chromium plays it. The codec
 * splits speech runs differently from the clean WAV — bugs have hidden there. The decoded file
 * is kept beside the corpus WAV (ignored .cache/), so tests and the bench encode it once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readWav } from './evaluate';
import type { Pcm } from './wav';

export function throughOpus(wav: string, seconds = 200): Pcm {
  const out = wav.replace(/\.wav$/, `.opus${seconds}.wav`);
  if (!existsSync(out)) {
    const webm = `${out}.${process.pid}.tmp.webm`;
    const tmp = `${out}.${process.pid}.tmp.wav`;
    const ffmpeg = (args: string[]) => execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-loglevel', 'error', '-y', ...args]);
    try {
      ffmpeg(['-i', wav, '-af', `apad=whole_dur=${seconds}`, '-t', String(seconds), '-c:a', 'libopus', '-b:a', '32k', webm]);
      ffmpeg(['-i', webm, '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', tmp]);
      renameSync(tmp, out);
    } finally {
      rmSync(webm, { force: true });
      rmSync(tmp, { force: true });
    }
  }
  return readWav(out);
}
