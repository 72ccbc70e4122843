/**
 * What the build ships to the content script (talk.json): the pack, validated in full at
 * build time (a broken pack fails the build), plus derived data the runtime would otherwise
 * need a library for. The extension's own file is trusted; on load it only gets a shape check.
 */
import { isRecord, isStringArray } from '../guard';
import type { TalkPack } from './types';

export class BundleError extends Error {
  override name = 'BundleError';
}

export interface PackBundle {
  v: 1;
  pack: TalkPack;
  /** Toneless pinyin (pinyin-pro), one syllable per Han character, per segment text and per term's Chinese name. */
  pinyin: { segments: string[]; terms: string[] };
}

export interface LoadedPack {
  pack: TalkPack;
  pinyin: PackBundle['pinyin'];
}

export function readBundle(json: unknown): LoadedPack {
  if (!isRecord(json) || json.v !== 1 || !isRecord(json.pack) || !isRecord(json.pinyin))
    throw new BundleError('talk.json: unexpected shape');
  const pack = json.pack as unknown as TalkPack;
  const py = json.pinyin;
  const lists = [pack.speakers, pack.segments, pack.chapters, pack.terms];
  if (typeof pack.raw !== 'string' || !lists.every((l) => Array.isArray(l) && l.length > 0))
    throw new BundleError('talk.json: incomplete pack');
  if (
    !isStringArray(py.segments) ||
    !isStringArray(py.terms) ||
    py.segments.length !== pack.segments.length ||
    py.terms.length !== pack.terms.length
  ) {
    throw new BundleError('talk.json: pinyin does not match the pack');
  }
  return { pack, pinyin: { segments: py.segments, terms: py.terms } };
}
