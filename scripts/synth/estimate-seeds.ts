/**
 * npm run --silent estimate-seeds -- [FIRST] [LAST] — how often the cue-aware estimate beats the
 * baseline over many synthetic seeds (default 1–30; ~25 s and ~75 MB of .cache/synth per seed),
 * and the same for an estimate that also knows each synthetic speaker's true pace ("oracle").
 *
 * Why it exists: issue 13 asks the cue-aware estimate to beat the baseline on *every* seed. The
 * oracle tells whether any text-only estimate could: when even knowing every speaker's pace loses
 * on some seeds, what decides a seed is what no text holds (the random pauses, the stretches
 * nobody speaks), not the model. One JSON line per seed, then a summary line.
 */
import { piecesOf } from '../../lib/cues';
import { timedUnits } from '../../lib/pack/source';
import { CUE_MODEL, estimateStarts, estimateStartsByWeight, speechTime, type TimedUnit } from '../../lib/timeline';
import { loadPack } from '../pack-files';
import { ensureCorpus, type CorpusTruth } from './corpus';
import { startErrors, type ErrorStats } from './evaluate';

/** The cue model with each speaker's speech time scaled to what that speaker took in the corpus. */
function oracleStarts(units: readonly TimedUnit[], truth: CorpusTruth): number[] {
  const pieces = piecesOf(units);
  const heard = truth.pieces.filter((p) => p.unit !== null);
  // The corpus speaks exactly these pieces, in this order (scripts/synth/corpus.ts).
  if (heard.length !== pieces.length) throw new Error(`corpus has ${heard.length} pieces, the text ${pieces.length}`);
  const pace = new Map<string, { real: number; model: number }>();
  pieces.forEach((p, k) => {
    const who = units[p.unit]!.speaker;
    const acc = pace.get(who) ?? { real: 0, model: 0 };
    acc.real += heard[k]!.len;
    acc.model += speechTime(p);
    pace.set(who, acc);
  });
  const starts = new Array<number>(units.length).fill(0);
  let t = 0;
  for (const p of pieces) {
    t += CUE_MODEL.pause[p.before];
    if (p.first) starts[p.unit] = t;
    const r = pace.get(units[p.unit]!.speaker)!;
    t += Math.max(speechTime(p) * (r.model > 0 ? r.real / r.model : 1), p.first ? 0.1 : 0);
  }
  return starts.map((s) => (s * truth.duration) / t);
}

const brief = (s: ErrorStats): number[] => [s.median, s.p90, s.max].map((v) => Math.round(v * 100) / 100);
/** "Beats": a lower median and a lower p90 start error. */
const beats = (a: ErrorStats, b: ErrorStats): boolean => a.median < b.median && a.p90 < b.p90;
const mean = (xs: number[]): number => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100;

async function main(): Promise<void> {
  const [first = 1, last = 30] = process.argv.slice(2).map(Number);
  const pack = loadPack();
  const units = timedUnits(pack);
  const rows: { seed: number; old: ErrorStats; cue: ErrorStats; oracle: ErrorStats }[] = [];
  for (let seed = first; seed <= last; seed++) {
    const { truth } = await ensureCorpus({ seed }, pack);
    const row = {
      seed,
      old: startErrors(estimateStartsByWeight(units, truth.duration), truth.starts),
      cue: startErrors(estimateStarts(units, truth.duration), truth.starts),
      oracle: startErrors(oracleStarts(units, truth), truth.starts),
    };
    rows.push(row);
    const out = { seed, old: brief(row.old), cue: brief(row.cue), oracle: brief(row.oracle), cueBeatsOld: beats(row.cue, row.old) };
    console.log(JSON.stringify(out));
  }
  const of = (k: 'old' | 'cue' | 'oracle', f: 'median' | 'p90'): number => mean(rows.map((r) => r[k][f]));
  console.log(
    JSON.stringify({
      seeds: rows.length,
      cueBeatsOld: rows.filter((r) => beats(r.cue, r.old)).length,
      oracleBeatsOld: rows.filter((r) => beats(r.oracle, r.old)).length,
      cueLosesOn: rows.filter((r) => !beats(r.cue, r.old)).map((r) => r.seed),
      oracleLosesOn: rows.filter((r) => !beats(r.oracle, r.old)).map((r) => r.seed),
      meanMedian: { old: of('old', 'median'), cue: of('cue', 'median'), oracle: of('oracle', 'median') },
      meanP90: { old: of('old', 'p90'), cue: of('cue', 'p90'), oracle: of('oracle', 'p90') },
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
