/** Fixture videos, made by ffmpeg at test time (ignored by git): 40 minutes of black, 32×18. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MEDIA, MEDIA_DIR, MEDIA_DURATION } from './site';

/** The page's default video: 25 fps, ~1.3 MB. */
export function ensureMedia(): string {
  return ensureVideo(MEDIA, 25);
}

/** A variant served at /__fixture/media/NAME (e.g. the bench's 10 fps video); returns its path. */
export function ensureVideo(file: string, fps: number): string {
  const path = file.includes('/') ? file : join(MEDIA_DIR, file);
  if (existsSync(path)) return path;
  mkdirSync(MEDIA_DIR, { recursive: true });
  const args = ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=black:s=32x18:r=${fps}`, '-t', String(MEDIA_DURATION)];
  args.push('-c:v', 'libvpx-vp9', '-b:v', '4k', '-deadline', 'realtime', '-cpu-used', '8', path);
  execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', args, { stdio: 'inherit' });
  return path;
}
