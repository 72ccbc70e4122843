/** Exports: the JSON contract, Markdown, and SRT/WebVTT that strict parsers read back exactly. */
import { describe, expect, it } from 'vitest';
import { toJson, toMarkdown, toSrt, toVtt } from '../../lib/export';
import { timedUnits } from '../../lib/pack/source';
import { buildTimeline } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';

const pack = loadPack();
const units = timedUnits(pack);
const timeline = buildTimeline({ units, duration: 2400 });

const TIME = (sep: string): RegExp => new RegExp(`^(\\d{2}):([0-5]\\d):([0-5]\\d)${sep}(\\d{3})$`);
const toMs = (m: RegExpExecArray): number => ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);

interface ParsedCue {
  id: string;
  start: number;
  end: number;
  text: string;
}

/** SubRip, strictly: index, "HH:MM:SS,mmm --> HH:MM:SS,mmm", one or more text lines, a blank line. */
function parseSrt(src: string): ParsedCue[] {
  expect(src.endsWith('\n')).toBe(true);
  const blocks = src.replace(/\n$/, '').split('\n\n');
  return blocks.map((block, i) => {
    const [index, timing, ...text] = block.split('\n');
    expect(index, `block ${i}`).toBe(String(i + 1));
    const parts = /^(\S+) --> (\S+)$/.exec(timing ?? '');
    expect(parts, `timing of block ${i}`).not.toBeNull();
    const a = TIME(',').exec(parts![1]!);
    const b = TIME(',').exec(parts![2]!);
    expect(a && b, `timestamps of block ${i}`).toBeTruthy();
    expect(text.length).toBeGreaterThan(0);
    for (const line of text) expect(line.trim().length).toBeGreaterThan(0);
    return { id: index!, start: toMs(a!), end: toMs(b!), text: text.join('\n') };
  });
}

/** WebVTT, strictly: signature, cue id, "HH:MM:SS.mmm --> HH:MM:SS.mmm", text without "-->" or bare "<"/"&". */
function parseVtt(src: string): ParsedCue[] {
  expect(src.startsWith('WEBVTT\n\n')).toBe(true);
  const blocks = src.slice('WEBVTT\n\n'.length).replace(/\n$/, '').split('\n\n');
  let prev = 0;
  return blocks.map((block, i) => {
    const [id, timing, ...text] = block.split('\n');
    expect(id).not.toContain('-->');
    const parts = /^(\S+) --> (\S+)$/.exec(timing ?? '');
    expect(parts, `timing of block ${i}`).not.toBeNull();
    const a = TIME('\\.').exec(parts![1]!);
    const b = TIME('\\.').exec(parts![2]!);
    expect(a && b).toBeTruthy();
    const start = toMs(a!);
    const end = toMs(b!);
    expect(end).toBeGreaterThan(start);
    expect(start).toBeGreaterThanOrEqual(prev);
    prev = start;
    for (const line of text) {
      expect(line).not.toContain('-->');
      const body = /^<v ([^>]+)>(.*)<\/v>$/.exec(line);
      expect(body, line).not.toBeNull();
      expect(body![2]!.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[<>&]/);
    }
    const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return { id: id!, start, end, text: text.map((l) => unescape(/^<v [^>]+>(.*)<\/v>$/.exec(l)![1]!)).join('\n') };
  });
}

describe('JSON export', () => {
  const doc = JSON.parse(toJson({ pack, timeline })) as Record<string, unknown> & {
    segments: { id: string; start: number; end: number; speaker: string; text: string; source: string }[];
    chapters: { id: string; start: number; segmentId: string }[];
    terms: { id: string; aliases: string[]; links: string[] }[];
  };
  it('has exactly the contract of ARCHITECTURE.md (plus the bilingual fields)', () => {
    expect(Object.keys(doc)).toEqual(['video', 'duration', 'timing', 'speakers', 'segments', 'chapters', 'terms']);
    expect(doc.video).toEqual({ bvid: 'BV1DS411w7hz', p: 6 });
    expect(doc.duration).toBe(2400);
    expect(doc.timing).toBe('estimate');
    for (const key of ['id', 'start', 'end', 'speaker', 'text', 'source', 'textEn']) expect(doc.segments[0]).toHaveProperty(key);
    for (const key of ['id', 'title', 'summary', 'start', 'segmentId', 'titleEn', 'summaryEn']) expect(doc.chapters[0]).toHaveProperty(key);
    for (const key of ['id', 'term', 'en', 'aliases', 'short', 'long', 'links', 'shortEn', 'longEn'])
      expect(doc.terms[0]).toHaveProperty(key);
  });
  it('carries the verbatim raw span as source, and the timeline times', () => {
    doc.segments.forEach((s, i) => {
      const seg = pack.segments[i]!;
      expect(s.source).toBe(pack.raw.slice(seg.span[0], seg.span[1]));
      expect(s.start).toBeCloseTo(timeline.starts[i]!, 3);
      expect(s.end).toBeCloseTo(timeline.end(i), 3);
    });
  });
  it('gives chapters the start of their first segment', () => {
    for (const c of doc.chapters) expect(c.start).toBe(doc.segments.find((s) => s.id === c.segmentId)!.start);
  });
});

describe('Markdown export', () => {
  const md = toMarkdown({ pack, timeline });
  it('has chapters as headings with deep links', () => {
    for (const c of pack.chapters)
      expect(md).toMatch(
        new RegExp(
          `^## ${c.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[\\d+:\\d{2}\\]\\(https://www\\.bilibili\\.com/video/BV1DS411w7hz\\?p=6&t=\\d+\\)$`,
          'm',
        ),
      );
  });
  it('has speaker-labelled paragraphs with timestamps linking to ?p=6&t=S', () => {
    expect(md).toMatch(/^\*\*主持人\*\* \[0:00\]\(https:\/\/www\.bilibili\.com\/video\/BV1DS411w7hz\?p=6&t=0\): /m);
    const links = [...md.matchAll(/\(https:\/\/www\.bilibili\.com\/video\/BV1DS411w7hz\?p=6&t=(\d+)\)/g)].map((m) => Number(m[1]));
    expect(links.length).toBeGreaterThan(pack.chapters.length + 50);
    for (let i = 1; i < links.length; i++) expect(links[i]!).toBeGreaterThanOrEqual(links[i - 1]!);
  });
  it('contains every cleaned sentence', () => {
    for (const s of pack.segments) expect(md).toContain(s.text);
  });
});

describe('SRT and WebVTT', () => {
  it('SRT round-trips times and text', () => {
    const cues = parseSrt(toSrt({ pack, timeline }));
    expect(cues).toHaveLength(pack.segments.length);
    cues.forEach((c, i) => {
      expect(c.start).toBe(Math.round(timeline.starts[i]! * 1000));
      expect(c.end).toBe(Math.max(c.start + 1, Math.round(timeline.end(i) * 1000)));
      expect(c.text).toBe(pack.segments[i]!.text);
    });
  });
  it('WebVTT round-trips times and text', () => {
    const cues = parseVtt(toVtt({ pack, timeline }));
    expect(cues).toHaveLength(pack.segments.length);
    cues.forEach((c, i) => {
      expect(c.id).toBe(pack.segments[i]!.id);
      expect(c.start).toBe(Math.round(timeline.starts[i]! * 1000));
      expect(c.text).toBe(pack.segments[i]!.text);
    });
  });
  it('bilingual cues have two lines: Chinese, then English', () => {
    const srt = parseSrt(toSrt({ pack, timeline, mode: 'bilingual' }));
    const vtt = parseVtt(toVtt({ pack, timeline, mode: 'bilingual' }));
    srt.forEach((c, i) => expect(c.text).toBe(`${pack.segments[i]!.text}\n${pack.segments[i]!.textEn}`));
    vtt.forEach((c, i) => expect(c.text.split('\n')).toEqual([pack.segments[i]!.text, pack.segments[i]!.textEn]));
  });
  it('escapes markup and cue terminators in text', () => {
    const evil = { ...pack, segments: pack.segments.map((s, i) => (i === 0 ? { ...s, text: 'a <b>&</b> --> c\n\nd' } : s)) };
    const vtt = parseVtt(toVtt({ pack: evil, timeline }));
    expect(vtt[0]!.text).toBe('a <b>&</b> → c d');
    const srt = parseSrt(toSrt({ pack: evil, timeline }));
    expect(srt).toHaveLength(pack.segments.length);
    expect(srt[0]!.text).toBe('a <b>&</b> → c d');
  });
});
