/**
 * Exports (JSON, Markdown, SRT, WebVTT) of the talk with a given timeline. The CLI and the
 * panel's download buttons call these same functions.
 */
import { segmentSource } from './pack/source';
import type { Segment, TalkPack } from './pack/types';
import { clock, stamp, talkLink, videoUrl } from './time-format';
import type { Timeline } from './timeline';

export type ExportFormat = 'json' | 'md' | 'srt' | 'vtt';
/** In the order the panel offers them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'srt', 'vtt', 'json'];
export type TextMode = 'zh' | 'en' | 'bilingual';

export interface ExportInput {
  pack: TalkPack;
  timeline: Timeline;
  mode?: TextMode;
}

const ms = (t: number): number => Math.round(t * 1000);
const sec3 = (t: number): number => ms(t) / 1000;

function lines(seg: Segment, mode: TextMode): string[] {
  if (mode === 'en') return [seg.textEn];
  if (mode === 'bilingual') return [seg.text, seg.textEn];
  return [seg.text];
}

export function toJson({ pack, timeline }: ExportInput): string {
  const doc = {
    video: { bvid: pack.video.bvid, p: pack.video.p },
    duration: sec3(timeline.duration),
    timing: timeline.source,
    speakers: pack.speakers.map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, role: s.role, inferred: s.inferred })),
    segments: pack.segments.map((s, i) => ({
      id: s.id,
      start: sec3(timeline.starts[i] ?? 0),
      end: sec3(timeline.end(i)),
      speaker: s.speaker,
      text: s.text,
      textEn: s.textEn,
      source: segmentSource(pack, s),
      ...(s.uncertain ? { uncertain: s.uncertain } : {}),
    })),
    chapters: pack.chapters.map((c) => {
      const i = pack.segments.findIndex((s) => s.id === c.segmentId);
      return {
        id: c.id,
        title: c.title,
        titleEn: c.titleEn,
        summary: c.summary,
        summaryEn: c.summaryEn,
        start: sec3(timeline.starts[i] ?? 0),
        segmentId: c.segmentId,
      };
    }),
    terms: pack.terms.map((t) => ({
      id: t.id,
      term: t.term,
      en: t.en,
      aliases: t.aliases,
      short: t.short,
      long: t.long,
      shortEn: t.shortEn,
      longEn: t.longEn,
      links: t.links.map((l) => l.url),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function toMarkdown({ pack, timeline, mode = 'zh' }: ExportInput): string {
  const en = mode === 'en';
  const names = new Map(pack.speakers.map((s) => [s.id, en ? s.nameEn : s.name]));
  const chapterAt = new Map(pack.chapters.map((c) => [c.segmentId, c]));
  const out: string[] = [
    `# ${pack.video.title}`,
    '',
    `${en ? 'Video' : '视频'}: ${videoUrl(pack.video)} · ${en ? 'timing' : '时间来源'}: ${timeline.source}`,
    '',
    en ? '_Speaker labels are inferred from the discussion._' : '_说话人标注根据讨论内容推断。_',
  ];
  let para: string[] = [];
  let paraSpeaker = '';
  const flush = (): void => {
    if (para.length) out.push('', para.join(mode === 'bilingual' ? '\n' : ''));
    para = [];
  };
  pack.segments.forEach((seg, i) => {
    const start = timeline.starts[i] ?? 0;
    const chapter = chapterAt.get(seg.id);
    if (chapter) {
      flush();
      out.push('', `## ${en ? chapter.titleEn : chapter.title} [${clock(start)}](${talkLink(pack.video, start)})`, '');
      out.push(`> ${en ? chapter.summaryEn : chapter.summary}`);
      if (mode === 'bilingual') out.push('>', `> ${chapter.summaryEn}`);
      paraSpeaker = '';
    }
    const text = lines(seg, mode).join(mode === 'bilingual' ? '  \n' : '');
    if (seg.speaker !== paraSpeaker || mode === 'bilingual') {
      flush();
      paraSpeaker = seg.speaker;
      para.push(`**${names.get(seg.speaker) ?? seg.speaker}** [${clock(start)}](${talkLink(pack.video, start)}): ${text}`);
    } else para.push(en ? ` ${text}` : text);
  });
  flush();
  return `${out.join('\n')}\n`;
}

/** One cue line per language: no line breaks inside (a blank line would end the cue), no "-->". */
const cueSafe = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/-->/g, '→');

function cueTimes(timeline: Timeline, i: number): [number, number] {
  const a = ms(timeline.starts[i] ?? 0);
  const b = Math.max(a + 1, ms(timeline.end(i)));
  return [a, b];
}

export function toSrt({ pack, timeline, mode = 'zh' }: ExportInput): string {
  return pack.segments
    .map((seg, i) => {
      const [a, b] = cueTimes(timeline, i);
      return `${i + 1}\n${stamp(a, ',')} --> ${stamp(b, ',')}\n${lines(seg, mode).map(cueSafe).join('\n')}\n`;
    })
    .join('\n');
}

const vttEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function toVtt({ pack, timeline, mode = 'zh' }: ExportInput): string {
  const names = new Map(pack.speakers.map((s) => [s.id, mode === 'en' ? s.nameEn : s.name]));
  const cues = pack.segments.map((seg, i) => {
    const [a, b] = cueTimes(timeline, i);
    const voice = vttEscape(names.get(seg.speaker) ?? seg.speaker);
    const body = lines(seg, mode).map((l) => `<v ${voice}>${vttEscape(cueSafe(l))}</v>`);
    return `${seg.id}\n${stamp(a, '.')} --> ${stamp(b, '.')}\n${body.join('\n')}\n`;
  });
  return `WEBVTT\n\n${cues.join('\n')}`;
}

export function exportTalk(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'json':
      return toJson(input);
    case 'md':
      return toMarkdown(input);
    case 'srt':
      return toSrt(input);
    case 'vtt':
      return toVtt(input);
  }
}

export const EXPORT_MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  md: 'text/markdown',
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
};
