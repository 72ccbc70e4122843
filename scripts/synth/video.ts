/**
 * A fixture video with a synthetic speech track, for the E2E tests of listen to align: the
 * corpus' WAV muxed under 32×18 black frames (VP9 + Opus in WebM), written to the ignored
 * tests/e2e/fixtures/media/, with the true segment starts beside it (NAME.truth.json).
 *
 *   ensureSpeechVideo({ seed: 1 })                    the whole talk (~40 min), as long as its audio
 *   ensureSpeechVideo({ seed: 1, excerpt: 150, length: 2400 })
 *       the first ~150 s spoken, then silence up to 2400 s (the page's usual duration)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCorpus, type CorpusTruth } from './corpus';

export const SPEECH_MEDIA_DIR = join(process.cwd(), 'tests', 'e2e', 'fixtures', 'media');

export interface SpeechVideoOptions {
  seed: number;
  /** Seconds of talk spoken (an excerpt); omit for the whole talk. */
  excerpt?: number;
  /** Length of the video (s): the audio is padded with silence or cut. Default: the audio's length. */
  length?: number;
}

export async function ensureSpeechVideo(
  options: SpeechVideoOptions,
): Promise<{ path: string; truth: CorpusTruth & { videoLength: number } }> {
  const { wav, truth } = await ensureCorpus({ seed: options.seed, seconds: options.excerpt });
  const length = options.length ?? Math.ceil(truth.duration);
  const name = `speech-${options.seed}-${options.excerpt ?? 'full'}-${length}`;
  const path = join(SPEECH_MEDIA_DIR, `${name}.webm`);
  const meta = { ...truth, videoLength: length, starts: truth.starts.map((s) => (s !== null && s < length ? s : null)) };
  if (!existsSync(path)) {
    mkdirSync(SPEECH_MEDIA_DIR, { recursive: true });
    const tmp = `${path}.tmp.webm`;
    execFileSync(
      process.env.FFMPEG_PATH ?? 'ffmpeg',
      [
        ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:s=32x18:r=10', '-i', wav],
        ...['-filter_complex', `[1:a]apad=whole_dur=${length}[a]`, '-map', '0:v', '-map', '[a]', '-t', String(length)],
        ...['-c:v', 'libvpx-vp9', '-b:v', '4k', '-deadline', 'realtime', '-cpu-used', '8'],
        ...['-c:a', 'libopus', '-b:a', '32k', tmp],
      ],
      { stdio: 'inherit' },
    );
    execFileSync('mv', [tmp, path]);
  }
  writeFileSync(join(SPEECH_MEDIA_DIR, `${name}.truth.json`), `${JSON.stringify(meta)}\n`);
  return { path, truth: meta };
}
