/** Test data on the Node side: the CLI's export, and Bilibili-shaped cue tracks with known times. */
import { execFileSync } from 'node:child_process';
import { normalizeForAlign } from '../../lib/align';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';

export interface ExportedSegment {
  id: string;
  start: number;
  end: number;
}

export function exportJson(duration: number): { segments: ExportedSegment[]; timing: string } {
  const out = execFileSync('npx', ['tsx', 'scripts/export.ts', '--format', 'json', '--duration', String(duration)], { encoding: 'utf8' });
  return JSON.parse(out) as { segments: ExportedSegment[]; timing: string };
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
