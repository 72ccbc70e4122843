/**
 * Uploader chapters: `data.view_points[]` of x/player/wbi/v2 with `type == 2` ({ from, to,
 * content } in seconds, BILIBILI.md "Subtitles"). Untrusted like the rest of the answer: finite
 * times, text only, sorted, overlaps cut at the next start, clamped to the part's duration.
 */
import { isFiniteNumber, isRecord } from '../lib/guard';

export interface UploaderChapter {
  start: number;
  end: number;
  title: string;
}

const MAX_CHAPTERS = 200;
const MAX_TITLE = 80;

export function readViewPoints(list: unknown, duration: number): UploaderChapter[] {
  if (!Array.isArray(list)) return [];
  const limit = duration > 0 ? duration : Infinity;
  const found: UploaderChapter[] = [];
  for (const v of list.slice(0, 4 * MAX_CHAPTERS)) {
    if (!isRecord(v) || v.type !== 2 || !isFiniteNumber(v.from) || !isFiniteNumber(v.to) || typeof v.content !== 'string') continue;
    const title = v.content
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_TITLE);
    const start = Math.max(0, v.from);
    const end = Math.min(v.to, limit);
    if (title && start < end) found.push({ start, end, title });
  }
  found.sort((a, b) => a.start - b.start);
  const out: UploaderChapter[] = [];
  for (const c of found) {
    const prev = out[out.length - 1];
    if (prev && c.start - prev.start < 1) continue; // the same start twice: keep the first
    if (prev && prev.end > c.start) prev.end = c.start;
    if (out.length < MAX_CHAPTERS) out.push({ ...c });
  }
  return out;
}
