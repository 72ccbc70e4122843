/** The fixture video, made by ffmpeg at test time (ignored by git): 40 minutes of 25 fps black, 32×18, ~1.3 MB. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MEDIA, MEDIA_DURATION } from './site';

export function ensureMedia(): string {
  if (existsSync(MEDIA)) return MEDIA;
  mkdirSync(dirname(MEDIA), { recursive: true });
  const args = ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:s=32x18:r=25', '-t', String(MEDIA_DURATION)];
  args.push('-c:v', 'libvpx-vp9', '-b:v', '4k', '-deadline', 'realtime', '-cpu-used', '8', MEDIA);
  execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', args, { stdio: 'inherit' });
  return MEDIA;
}
