/** Test data on the Node side: the CLI's export, and Bilibili-shaped cue tracks with known times. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { aidFromBvid } from '../../bilibili/bvid';
import { normalizeForAlign } from '../../lib/align';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts } from '../../lib/timeline';
import { loadPack, TALK_DIR } from '../../scripts/pack-files';
import { TALK_CIDS } from './site';

/** The talk's aid (from its BV id): an AI track's file name starts with {aid}{cid}. */
export const TALK_AID = aidFromBvid('BV1DS411w7hz')!;
/** An AI track's URL as Bilibili writes it: …/bfs/ai_subtitle/prod/{aid}{cid}{hash}?auth_key=… */
export const aiTrackUrl = (aid = TALK_AID, cid = TALK_CIDS[5]!): string =>
  `//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/${aid}${cid}5f8d8849dc01218ff70352f8b79960?auth_key=1700000000-abc-0-def`;
export const CUE_URL = aiTrackUrl();
/** A logged-in user's answer of x/player/wbi/v2: one AI Chinese track, on hdslb.com. */
export const playerWithTrack = (cid = TALK_CIDS[5]!, url = CUE_URL, extra: Record<string, unknown> = {}) => ({
  code: 0,
  message: '0',
  data: {
    aid: TALK_AID,
    bvid: 'BV1DS411w7hz',
    cid,
    login_mid: 10_000_001,
    need_login_subtitle: false,
    subtitle: { subtitles: [{ id: 1, lan: 'ai-zh', lan_doc: '中文（自动生成）', subtitle_url: url }] },
    view_points: [],
    ...extra,
  },
});

export interface ExportedSegment {
  id: string;
  start: number;
  end: number;
}

const exported = new Map<number, { segments: ExportedSegment[]; timing: string }>();

/** The CLI's JSON export for a duration (run once per duration and process: it starts tsx). */
export function exportJson(duration: number): { segments: ExportedSegment[]; timing: string } {
  let out = exported.get(duration);
  if (!out) {
    const text = execFileSync('npx', ['tsx', 'scripts/export.ts', '--format', 'json', '--duration', String(duration)], {
      encoding: 'utf8',
    });
    exported.set(duration, (out = JSON.parse(text) as { segments: ExportedSegment[]; timing: string }));
  }
  return out;
}

/** A subtitle track whose segment starts are known: the estimate, warped (speech faster early, slower late). */
export function cueTrack(duration: number): { body: { from: number; to: number; content: string }[]; starts: number[] } {
  const pack = loadPack();
  const units = timedUnits(pack);
  const sources = units.map((u) => u.source);
  const est = estimateStarts(units, duration);
  const warp = (t: number): number => 3 + (duration - 10) * Math.pow(t / duration, 1.15);
  const starts = est.map(warp);
  const body: { from: number; to: number; content: string }[] = [];
  sources.forEach((src, i) => {
    const text = normalizeForAlign(src);
    const from = starts[i]!;
    const to = (i + 1 < starts.length ? starts[i + 1]! : duration - 2) - 0.3;
    const n = Math.max(1, Math.ceil(text.length / 14));
    for (let k = 0; k < n; k++) {
      const a = from + ((to - from) * k) / n;
      const b = from + ((to - from) * (k + 1)) / n;
      body.push({
        from: Math.round(a * 1000) / 1000,
        to: Math.round(b * 1000) / 1000,
        content: text.slice(Math.floor((text.length * k) / n), Math.floor((text.length * (k + 1)) / n)),
      });
    }
  });
  return { body, starts };
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Another talk's AI track, as Bilibili has served under the right cid: plausible Chinese on the
 * same subject (generative models), none of it this talk's speech. Its text is the glossary's
 * explanations (written for the extension, never spoken in the talk), sentence order shuffled,
 * with the fillers of spoken Chinese, cut into 8–22 character cues over the duration.
 */
export function foreignTrack(duration: number, seed = 1): { from: number; to: number; content: string }[] {
  const glossary = JSON.parse(readFileSync(`${TALK_DIR}/glossary.json`, 'utf8')) as { short: string; long: string }[];
  const r = rng(seed);
  const sentences = glossary.flatMap((g) => `${g.long}${g.short}`.split(/(?<=[。！？；])/)).filter((x) => x.trim());
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
  }
  const fillers = ['这个', '然后', '就是', '我们', '其实', '对', '呃', '那个', '所以', '大家'];
  const text = sentences.map((x) => (r() < 0.5 ? fillers[Math.floor(r() * fillers.length)] : '') + x).join('');
  const body: { from: number; to: number; content: string }[] = [];
  let t = 2;
  for (let k = 0; k < text.length && t < duration - 10;) {
    const len = 8 + Math.floor(r() * 15);
    const content = text.slice(k, k + len);
    k += len;
    const to = t + content.length / 4.5;
    body.push({ from: Math.round(t * 1000) / 1000, to: Math.round(to * 1000) / 1000, content });
    t = to + 0.2 + r() * 0.6;
  }
  return body;
}

/**
 * Uploader chapters as x/player/wbi/v2 sends them (`data.view_points`, type 2 = chapter), for the
 * talk's 40 minutes: serve with playerWithTrack(cid, url, { view_points: VIEW_POINTS }). The
 * last one runs past the end (clamped by the reader) and one is a type-1 highlight (ignored).
 */
export const VIEW_POINTS = [
  { type: 2, from: 0, to: 610, content: '扩散与自回归', imgUrl: '//i0.hdslb.com/bfs/videoshot/x.jpg', logoUrl: '' },
  { type: 2, from: 610, to: 1420, content: 'Scaling Law 与评测', imgUrl: '', logoUrl: '' },
  { type: 1, from: 900, to: 905, content: '高能', imgUrl: '', logoUrl: '' },
  { type: 2, from: 1420, to: 9999, content: '观众提问', imgUrl: '', logoUrl: '' },
];
