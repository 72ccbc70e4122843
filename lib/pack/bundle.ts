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

/** Traditional-script text for every Chinese field (opencc-js at build time), fetched only when chosen. */
export interface HantBundle {
  v: 1;
  segments: string[];
  chapters: { title: string; summary: string }[];
  terms: { term: string; zh: string | null; aliases: string[]; short: string; long: string; usage: string }[];
  speakers: string[];
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

/** Apply Traditional text to a pack; a bundle that does not fit is refused (the caller keeps Simplified). */
export function applyHant(pack: TalkPack, json: unknown): TalkPack {
  if (!isRecord(json) || json.v !== 1) throw new BundleError('hant: unexpected shape');
  const h = json as unknown as HantBundle;
  if (
    !isStringArray(h.segments) ||
    h.segments.length !== pack.segments.length ||
    !Array.isArray(h.chapters) ||
    h.chapters.length !== pack.chapters.length ||
    !Array.isArray(h.terms) ||
    h.terms.length !== pack.terms.length ||
    !isStringArray(h.speakers) ||
    h.speakers.length !== pack.speakers.length
  ) {
    throw new BundleError('hant: does not match the pack');
  }
  return {
    ...pack,
    speakers: pack.speakers.map((s, i) => ({ ...s, name: h.speakers[i] ?? s.name })),
    segments: pack.segments.map((s, i) => ({ ...s, text: h.segments[i] ?? s.text })),
    chapters: pack.chapters.map((c, i) => ({ ...c, title: h.chapters[i]?.title ?? c.title, summary: h.chapters[i]?.summary ?? c.summary })),
    terms: pack.terms.map((t, i) => {
      const x = h.terms[i];
      return x ? { ...t, term: x.term, zh: x.zh, aliases: x.aliases, short: x.short, long: x.long, usage: x.usage } : t;
    }),
  };
}
