/** Test data on the Node side: the CLI's export, and Bilibili-shaped cue tracks with known times. */
import { execFileSync } from 'node:child_process';
import { normalizeForAlign } from '../../lib/align';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';
import { TALK_CIDS } from './site';

/** A logged-in user's answer of x/player/wbi/v2: one AI Chinese track, on hdslb.com. */
export const CUE_URL = '//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/fixture.json?auth_key=1700000000-abc-0-def';
export const playerWithTrack = (cid = TALK_CIDS[5]!) => ({
  code: 0,
  message: '0',
  data: {
    cid,
    need_login_subtitle: false,
    subtitle: { subtitles: [{ id: 1, lan: 'ai-zh', lan_doc: '中文（自动生成）', subtitle_url: CUE_URL }] },
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
