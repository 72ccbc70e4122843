import { HAN, countHan, isFiniteNumber, isNonEmptyString, isRecord, isStringArray, type Json } from '../guard';
import { packMatchers, type PackMatchers } from './term-patterns';
import type { Chapter, Link, PackFiles, Segment, Speaker, TalkPack, Term, TermExclusion, VideoRef } from './types';

/** A broken pack: the message names the item and the field. */
export class PackError extends Error {
  override name = 'PackError';
}

const ROLES = ['moderator', 'panelist', 'audience'] as const;
export const MAX_SEGMENT_HAN = 120;
export const MAX_SHORT = 60;
export const MAX_LONG = 300;

/**
 * raw.txt starts with the published title line ("# …") and a blank line: metadata, not
 * speech. Segment spans tile everything after it.
 */
export function bodyStart(raw: string): number {
  if (!raw.startsWith('# ')) return 0;
  const end = raw.indexOf('\n\n');
  return end < 0 ? raw.length : end + 2;
}

class Reader {
  constructor(
    private readonly where: string,
    private readonly obj: Json,
  ) {}
  fail(field: string, why: string): never {
    throw new PackError(`${this.where}.${field}: ${why}`);
  }
  str(field: string): string {
    const v = this.obj[field];
    if (!isNonEmptyString(v)) this.fail(field, 'expected a non-empty string');
    return v;
  }
  optStr(field: string): string | undefined {
    const v = this.obj[field];
    if (v === undefined) return undefined;
    if (!isNonEmptyString(v)) this.fail(field, 'expected a non-empty string when present');
    return v;
  }
  strOrNull(field: string): string | null {
    const v = this.obj[field];
    return v === null ? null : this.str(field);
  }
  num(field: string): number {
    const v = this.obj[field];
    if (!isFiniteNumber(v)) this.fail(field, 'expected a finite number');
    return v;
  }
  bool(field: string): boolean {
    const v = this.obj[field];
    if (typeof v !== 'boolean') this.fail(field, 'expected true or false');
    return v;
  }
  strings(field: string): string[] {
    const v = this.obj[field];
    if (!isStringArray(v) || v.some((s) => s.length === 0)) this.fail(field, 'expected an array of non-empty strings');
    return v;
  }
  optList(field: string): unknown[] | undefined {
    return this.obj[field] === undefined ? undefined : this.list(field);
  }
  list(field: string): unknown[] {
    const v = this.obj[field];
    if (!Array.isArray(v)) this.fail(field, 'expected an array');
    return v;
  }
  maxLen(field: string, value: string, max: number): string {
    if ([...value].length > max) this.fail(field, `longer than ${max} characters`);
    return value;
  }
  noHan(field: string, value: string): string {
    if (HAN.test(value.replace(/“[^”]*”/g, ''))) this.fail(field, 'Han characters in an English field');
    return value;
  }
}

function records(name: string, v: unknown): { r: Reader }[] {
  if (!Array.isArray(v)) throw new PackError(`${name}: expected an array`);
  return v.map((item, i) => {
    if (!isRecord(item)) throw new PackError(`${name}[${i}]: expected an object`);
    const id = typeof item.id === 'string' ? item.id : undefined;
    const where = `${name}[${i}]${id ? ` (${id})` : ''}`;
    return { r: new Reader(where, item) };
  });
}

function uniqueIds(name: string, items: { id: string }[]): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new PackError(`${name}: duplicate id "${id}"`);
    seen.add(id);
  }
}

function readVideo(meta: unknown): VideoRef {
  if (!isRecord(meta)) throw new PackError('meta: expected an object');
  const r = new Reader('meta', meta);
  const p = r.num('p');
  if (!Number.isInteger(p) || p < 1) return r.fail('p', 'expected a positive integer');
  return { bvid: r.str('bvid'), p, title: r.str('title') };
}

function readSpeakers(v: unknown): Speaker[] {
  const speakers = records('speakers', v).map(({ r }) => {
    const role = r.str('role');
    if (!(ROLES as readonly string[]).includes(role)) return r.fail('role', `expected one of ${ROLES.join(', ')}`);
    const s: Speaker = {
      id: r.str('id'),
      name: r.str('name'),
      nameEn: r.noHan('nameEn', r.str('nameEn')),
      role: role as Speaker['role'],
      inferred: r.bool('inferred'),
    };
    const note = r.optStr('note');
    const noteEn = r.optStr('noteEn');
    // An inferred label shows its reasoning, in both languages; a note never comes in one language only.
    if (s.inferred && !note) return r.fail('note', 'an inferred label needs a note saying how it was inferred');
    if (note && !noteEn) return r.fail('noteEn', 'expected an English note beside the note');
    if (noteEn && !note) return r.fail('note', 'expected a note beside the English note');
    if (note) s.note = note;
    if (noteEn) s.noteEn = r.noHan('noteEn', noteEn);
    return s;
  });
  uniqueIds('speakers', speakers);
  return speakers;
}

function readSegments(v: unknown, raw: string, speakerIds: Set<string>): Segment[] {
  let expected = bodyStart(raw);
  const segments = records('segments', v).map(({ r }) => {
    const id = r.str('id');
    const speaker = r.str('speaker');
    if (!speakerIds.has(speaker)) return r.fail('speaker', `unknown speaker "${speaker}"`);
    const span = r.list('span');
    const [a, b] = span;
    if (span.length !== 2 || !Number.isInteger(a) || !Number.isInteger(b)) return r.fail('span', 'expected [start, end] integers');
    const start = a as number;
    const end = b as number;
    if (start !== expected) {
      return r.fail(
        'span',
        start > expected
          ? `gap: starts at ${start}, previous span ended at ${expected}`
          : `overlap: starts at ${start}, previous span ended at ${expected}`,
      );
    }
    if (end <= start || end > raw.length) return r.fail('span', `end ${end} out of range (${start}, ${raw.length}]`);
    expected = end;
    const text = r.str('text');
    if (countHan(text) > MAX_SEGMENT_HAN) return r.fail('text', `more than ${MAX_SEGMENT_HAN} Han characters`);
    const seg: Segment = { id, speaker, span: [start, end], text, textEn: r.noHan('textEn', r.str('textEn')) };
    const uncertain = r.optStr('uncertain');
    if (uncertain) seg.uncertain = uncertain;
    const noTerms = readExclusions(r, 'noTerms', text);
    if (noTerms) seg.noTerms = noTerms;
    const noTermsEn = readExclusions(r, 'noTermsEn', seg.textEn);
    if (noTermsEn) seg.noTermsEn = noTermsEn;
    return seg;
  });
  if (segments.length === 0) throw new PackError('segments: empty');
  if (expected !== raw.length) throw new PackError(`segments: spans end at ${expected}, raw.txt ends at ${raw.length} (text lost)`);
  uniqueIds('segments', segments);
  return segments;
}

/** Shape only: `[{ term, at: [start, end] }]` with the span inside `text`. Whether it is a real match is checked once the glossary is read. */
function readExclusions(r: Reader, field: string, text: string): TermExclusion[] | undefined {
  const v = r.optList(field);
  if (v === undefined) return undefined;
  if (v.length === 0) return r.fail(field, 'expected a non-empty array when present');
  return v.map((x, k) => {
    if (!isRecord(x)) return r.fail(`${field}[${k}]`, 'expected {term, at: [start, end]}');
    const term = x.term;
    const at = x.at;
    if (!isNonEmptyString(term)) return r.fail(`${field}[${k}].term`, 'expected a term id');
    if (!Array.isArray(at) || at.length !== 2 || !Number.isInteger(at[0]) || !Number.isInteger(at[1]))
      return r.fail(`${field}[${k}].at`, 'expected [start, end] integers');
    const [a, b] = at as [number, number];
    if (a < 0 || b <= a || b > text.length)
      return r.fail(`${field}[${k}].at`, `span [${a}, ${b}] out of range: the text has ${text.length} characters`);
    return { term, at: [a, b] as const };
  });
}

/** Every exclusion names a known term and covers a match the view would otherwise show. */
function checkExclusions(segments: Segment[], terms: Term[], matchers: PackMatchers): void {
  const ids = new Set(terms.map((t) => t.id));
  segments.forEach((seg, i) => {
    for (const [field, list, text, matcher] of [
      ['noTerms', seg.noTerms, seg.text, matchers.zh],
      ['noTermsEn', seg.noTermsEn, seg.textEn, matchers.en],
    ] as const) {
      if (!list) continue;
      const found = matcher.find(text);
      list.forEach((x, k) => {
        const where = `segments[${i}] (${seg.id}).${field}[${k}]`;
        if (!ids.has(x.term)) throw new PackError(`${where}.term: unknown term "${x.term}"`);
        const [a, b] = x.at;
        if (!found.some((m) => m.termId === x.term && m.start === a && m.end === b)) {
          throw new PackError(`${where}.at: [${a}, ${b}] ("${text.slice(a, b)}") is not a match of "${x.term}"`);
        }
      });
    }
  });
}

function readChapters(v: unknown, segmentIndex: Map<string, number>): Chapter[] {
  let last = -1;
  const chapters = records('chapters', v).map(({ r }, i) => {
    const segmentId = r.str('segmentId');
    const at = segmentIndex.get(segmentId);
    if (at === undefined) return r.fail('segmentId', `unknown segment "${segmentId}"`);
    if (i === 0 && at !== 0) return r.fail('segmentId', 'the first chapter must start at the first segment');
    if (at <= last) return r.fail('segmentId', 'chapters must be in order and start on distinct segments');
    last = at;
    return {
      id: r.str('id'),
      segmentId,
      title: r.maxLen('title', r.str('title'), 20),
      titleEn: r.noHan('titleEn', r.str('titleEn')),
      summary: r.str('summary'),
      summaryEn: r.noHan('summaryEn', r.str('summaryEn')),
    };
  });
  if (chapters.length === 0) throw new PackError('chapters: empty');
  uniqueIds('chapters', chapters);
  return chapters;
}

function readLinks(r: Reader): Link[] {
  const links = r.list('links');
  if (links.length < 1 || links.length > 2) return r.fail('links', 'expected 1–2 links');
  return links.map((l, i) => {
    if (!isRecord(l)) return r.fail(`links[${i}]`, 'expected {title, url}');
    const lr = new Reader(`links[${i}]`, l);
    const url = lr.str('url');
    let ok: boolean;
    try {
      ok = new URL(url).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) return r.fail(`links[${i}].url`, 'expected an https URL');
    return { title: lr.str('title'), url };
  });
}

function readTerms(v: unknown): Term[] {
  const terms = records('glossary', v).map(({ r }) => {
    const t: Term = {
      id: r.str('id'),
      term: r.str('term'),
      zh: r.strOrNull('zh'),
      en: r.noHan('en', r.str('en')),
      aliases: r.strings('aliases'),
      aliasesEn: r.strings('aliasesEn'),
      short: r.maxLen('short', r.str('short'), MAX_SHORT),
      long: r.maxLen('long', r.str('long'), MAX_LONG),
      shortEn: r.noHan('shortEn', r.str('shortEn')),
      longEn: r.noHan('longEn', r.str('longEn')),
      links: readLinks(r),
      related: r.strings('related'),
      usage: r.str('usage'),
      usageEn: r.noHan('usageEn', r.str('usageEn')),
    };
    const uncertain = r.optStr('uncertain');
    if (uncertain) t.uncertain = uncertain;
    return t;
  });
  uniqueIds('glossary', terms);
  const ids = new Set(terms.map((t) => t.id));
  terms.forEach((t, i) => {
    for (const rel of t.related) {
      if (!ids.has(rel)) throw new PackError(`glossary[${i}] (${t.id}).related: unknown term "${rel}"`);
    }
  });
  return terms;
}

/** Parse and validate the pack files; throws PackError naming the item and field. */
export function validatePack(files: PackFiles): TalkPack {
  if (typeof files.raw !== 'string' || files.raw.length === 0) throw new PackError('raw: empty');
  const video = readVideo(files.meta);
  const speakers = readSpeakers(files.speakers);
  const segments = readSegments(files.segments, files.raw, new Set(speakers.map((s) => s.id)));
  const chapters = readChapters(files.chapters, new Map(segments.map((s, i) => [s.id, i])));
  const terms = readTerms(files.glossary);
  checkExclusions(segments, terms, packMatchers(terms));
  return { video, raw: files.raw, speakers, segments, chapters, terms };
}
