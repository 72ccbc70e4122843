/**
 * npm run --silent fit-timing — fit the cue-aware estimate's parameters (lib/timeline.ts
 * CUE_MODEL) on the synthetic corpus' fit seeds (101–103; the bench evaluates on 1–3).
 *
 * Least squares, no intercept: the time from one segment's start to the next is
 *   perHan·han + perLatin·latinWords + perNumber·numbers + Σ pause[break] over the breaks crossed
 * Intervals holding an inserted silence/noise stretch are left out (an event no text predicts).
 * Prints the fitted values and the residual; paste them into CUE_MODEL.
 */
import { piecesOf, type Break } from '../../lib/cues';
import { timedUnits } from '../../lib/pack/source';
import { loadPack } from '../pack-files';
import { ensureCorpus, type CorpusTruth } from './corpus';

export const FIT_SEEDS = [101, 102, 103];
const BREAKS: Break[] = ['none', 'cue', 'para', 'turn'];

/** Solve A x = b (small, dense) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c || M[c]![c] === 0) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

export interface Fit {
  perHan: number;
  perLatin: number;
  perNumber: number;
  pause: Record<Break, number>;
  rmsResidual: number;
  intervals: number;
}

export function fitCueModel(truths: readonly CorpusTruth[]): Fit {
  const units = timedUnits(loadPack());
  const pieces = piecesOf(units);
  // Features of the interval [start of unit u, start of unit u+1).
  const feats: number[][] = units.map(() => new Array<number>(7).fill(0));
  for (const p of pieces) {
    const f = feats[p.unit]!;
    f[0]! += p.han;
    f[1]! += p.latin;
    f[2]! += p.numbers;
    // The break before a unit's first piece belongs to the previous interval.
    const owner = p.first ? feats[p.unit - 1] : f;
    if (owner) owner[3 + BREAKS.indexOf(p.before)]! += 1;
  }
  const A = Array.from({ length: 7 }, () => new Array<number>(7).fill(0));
  const b = new Array<number>(7).fill(0);
  const rows: { x: number[]; y: number }[] = [];
  for (const t of truths)
    for (let u = 0; u + 1 < units.length; u++) {
      const s0 = t.starts[u];
      const s1 = t.starts[u + 1];
      if (s0 === null || s0 === undefined || s1 === null || s1 === undefined) continue;
      if (t.stretches.some((s) => s.from < s1 && s.to > s0)) continue;
      rows.push({ x: feats[u]!, y: s1 - s0 });
    }
  for (const { x, y } of rows)
    for (let i = 0; i < 7; i++) {
      b[i]! += x[i]! * y;
      for (let j = 0; j < 7; j++) A[i]![j]! += x[i]! * x[j]!;
    }
  // A break type that never occurs leaves a zero row: pin it at 0.
  for (let i = 0; i < 7; i++) if (A[i]![i] === 0) A[i]![i] = 1;
  const x = solve(A, b).map((v) => Math.max(0, v));
  const res = rows.map((r) => r.y - r.x.reduce((s, v, i) => s + v * x[i]!, 0));
  return {
    perHan: x[0]!,
    perLatin: x[1]!,
    perNumber: x[2]!,
    pause: { none: x[3]!, cue: x[4]!, para: x[5]!, turn: x[6]! },
    rmsResidual: Math.sqrt(res.reduce((s, r) => s + r * r, 0) / (res.length || 1)),
    intervals: rows.length,
  };
}

async function main(): Promise<void> {
  const truths: CorpusTruth[] = [];
  for (const seed of FIT_SEEDS) truths.push((await ensureCorpus({ seed })).truth);
  const f = fitCueModel(truths);
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  console.log(
    JSON.stringify(
      {
        seeds: FIT_SEEDS,
        intervals: f.intervals,
        rmsResidualSeconds: r(f.rmsResidual),
        perHan: r(f.perHan),
        perLatin: r(f.perLatin),
        perNumber: r(f.perNumber),
        pause: { none: r(f.pause.none), cue: r(f.pause.cue), para: r(f.pause.para), turn: r(f.pause.turn) },
      },
      null,
      2,
    ),
  );
}

if (process.argv[1]?.endsWith('fit.ts'))
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
