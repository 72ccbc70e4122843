/** Read the talk pack from assets/talk/ (Node: the CLI, the build module, tests). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackFiles, TalkPack } from '../lib/pack/types';
import { validatePack } from '../lib/pack/validate';

export const TALK_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'talk');

const json = (name: string): unknown => JSON.parse(readFileSync(join(TALK_DIR, name), 'utf8')) as unknown;

export function readPackFiles(dir = TALK_DIR): PackFiles {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
  return {
    raw: readFileSync(join(dir, 'raw.txt'), 'utf8'),
    meta: read('meta.json'),
    speakers: read('speakers.json'),
    segments: read('segments.json'),
    chapters: read('chapters.json'),
    glossary: read('glossary.json'),
  };
}

export function loadPack(dir = TALK_DIR): TalkPack {
  return validatePack(readPackFiles(dir));
}

export function readCorrections(): { raw: string; fixed: string }[] {
  return json('corrections.json') as { raw: string; fixed: string }[];
}
