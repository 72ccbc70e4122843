/**
 * Traditional-script text (talk.zh-Hant.json, opencc-js at build time), fetched and applied
 * only when the user chooses it; a module of its own so the panel loads it only then.
 */
import { isRecord, isStringArray } from '../guard';
import { BundleError } from './bundle';
import type { TalkPack } from './types';

/** Traditional-script text for every Chinese field (opencc-js at build time), fetched only when chosen. */
export interface HantBundle {
  v: 1;
  segments: string[];
  chapters: { title: string; summary: string }[];
  terms: { term: string; zh: string | null; aliases: string[]; short: string; long: string; usage: string }[];
  speakers: string[];
  /** Each speaker's note (null where there is none). */
  speakerNotes?: (string | null)[];
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
    h.speakers.length !== pack.speakers.length ||
    (h.speakerNotes !== undefined && (!Array.isArray(h.speakerNotes) || h.speakerNotes.length !== pack.speakers.length))
  ) {
    throw new BundleError('hant: does not match the pack');
  }
  return {
    ...pack,
    speakers: pack.speakers.map((s, i) => {
      const note = h.speakerNotes?.[i];
      return { ...s, name: h.speakers[i] ?? s.name, ...(typeof note === 'string' ? { note } : {}) };
    }),
    segments: pack.segments.map((s, i) => ({ ...s, text: h.segments[i] ?? s.text })),
    chapters: pack.chapters.map((c, i) => ({ ...c, title: h.chapters[i]?.title ?? c.title, summary: h.chapters[i]?.summary ?? c.summary })),
    terms: pack.terms.map((t, i) => {
      const x = h.terms[i];
      return x ? { ...t, term: x.term, zh: x.zh, aliases: x.aliases, short: x.short, long: x.long, usage: x.usage } : t;
    }),
  };
}
