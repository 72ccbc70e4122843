/**
 * The monotonic alignment of the transcript's pieces (lib/cues.ts) to the heard audio's
 * elements: speech runs, and holes (a long silence, or media time not heard). A length-based
 * DP in the manner of Gale & Church's sentence alignment, over "beads":
 *
 *   match  k pieces ↔ l consecutive runs (k ≤ 3, l ≤ 4): syllables vs the runs' speech time
 *          (at the local seconds-per-syllable τ) and vs their nucleus peaks; the pause before
 *          the bead vs the break before its first piece; pauses inside vs breaks inside.
 *   noise  a run no text explains (laughter, a cough, an aside) — a fixed price per peak.
 *   delete a piece with no audio between two runs — expensive.
 *   hole   k ≥ 0 pieces said during a hole: unheard media time (a seek, before listening
 *          began) costs only the mismatch between its length and the pieces' expected
 *          time; a heard long silence holding text is a dropout (priced), holding none a pause.
 *
 * Costs are negative log-likelihoods up to constants (Gaussian in log-ratios). The table is
 * banded: piece i may meet the audio only within `band` seconds of where `expected` puts it.
 */
import type { Break } from '../cues';

export interface DpPiece {
  syllables: number;
  before: Break;
  /** Expected start (s) of the piece (the band's centre). */
  expected: number;
  /** Local seconds of speech per syllable. */
  tau: number;
}

export type Element =
  { kind: 'run'; start: number; end: number; peaks: number } | { kind: 'hole'; start: number; end: number; heard: boolean };

export type Bead =
  | { kind: 'match'; i0: number; i1: number; j0: number; j1: number; cost: number }
  | { kind: 'noise'; i0: number; i1: number; j0: number; j1: number; cost: number }
  | { kind: 'delete'; i0: number; i1: number; j0: number; j1: number; cost: number }
  | { kind: 'hole'; i0: number; i1: number; j0: number; j1: number; cost: number };

/** Median pause (s) before a piece, by its break. */
export const PAUSE: Record<Break, number> = { none: 0.06, cue: 0.3, para: 0.7, turn: 1.5 };
const RUN_ON: Record<Break, number> = { none: 0, cue: 1.2, para: 3, turn: 5 };
const SIGMA_DUR = 0.22;
const SIGMA_PEAKS = 0.32;
const SIGMA_PAUSE = 0.75;
const HOLE_SPREAD = 0.12;
const HOLE_SLACK = 3;
const SHORT_GAP_SLACK = 0.5;
const BEAD_EXTRA = 0.6;
const NOISE_BASE = 4;
const NOISE_PER_PEAK = 0.7;
const DELETE_BASE = 6;
const DELETE_PER_SYLLABLE = 0.5;
const DROPOUT = 4;
const LONG_SILENCE = 6;
const LONG_SILENCE_PER_S = 0.2;
const MAX_K = 3;
const MAX_L = 4;

const sq = (x: number): number => x * x;
const rank: Record<Break, number> = { none: 0, cue: 1, para: 2, turn: 3 };
const BREAKS: readonly Break[] = ['none', 'cue', 'para', 'turn'];

export interface DpOptions {
  /** Half-width of the band, seconds: max(band, bandFraction · t). */
  band?: number;
  bandFraction?: number;
  /** Widen the length terms' spread (×): for a first pass whose τ is a rough guess. */
  looseness?: number;
}

export interface DpResult {
  beads: Bead[];
  cost: number;
}

/** Columns of the table per step of `alignDpSteps` (~0.1–1 ms each for this talk). */
const STEP_COLUMNS = 16;

/**
 * The DP as steps: it yields after every STEP_COLUMNS columns, so a caller on the main thread
 * can run it in short slices (lib/audio/slices.ts) and never block the page for a long task.
 */
export function* alignDpSteps(
  pieces: readonly DpPiece[],
  elements: readonly Element[],
  options: DpOptions = {},
): Generator<void, DpResult> {
  const N = pieces.length;
  const M = elements.length;
  const band = options.band ?? 180;
  const frac = options.bandFraction ?? 0.1;
  // Prefix sums over pieces: syllables, expected speech time, expected time with pauses.
  const cumN = new Float64Array(N + 1);
  const cumS = new Float64Array(N + 1);
  const cumX = new Float64Array(N + 1);
  for (let i = 0; i < N; i++) {
    const p = pieces[i] as DpPiece;
    cumN[i + 1] = (cumN[i] as number) + p.syllables;
    cumS[i + 1] = (cumS[i] as number) + p.syllables * p.tau;
    cumX[i + 1] = (cumX[i] as number) + p.syllables * p.tau + (i > 0 ? PAUSE[p.before] : 0);
  }
  const expectedAt = (i: number): number => (i < N ? (pieces[i] as DpPiece).expected : (pieces[N - 1]?.expected ?? 0) + 5);
  // Column j: state after j elements; its time is the end of element j (0 for j = 0).
  const colTime = (j: number): number => (j === 0 ? 0 : (elements[j - 1] as Element).end);
  const lo = new Int32Array(M + 1);
  const hi = new Int32Array(M + 1);
  {
    let a = 0;
    let b = 0;
    for (let j = 0; j <= M; j++) {
      const t = colTime(j);
      const w = Math.max(band, frac * t);
      while (a < N && expectedAt(a) < t - w) a++;
      while (b < N && expectedAt(b + 1) <= t + w) b++;
      lo[j] = j === 0 ? 0 : Math.max(a, lo[j - 1] as number);
      hi[j] = Math.max(lo[j] as number, b, hi[j - 1] ?? 0);
    }
    lo[0] = 0;
  }
  const D: Float64Array[] = [];
  const BK: Int16Array[] = []; // k (pieces) of the bead ending here
  const BL: Int16Array[] = []; // l (elements) of the bead
  const BT: Uint8Array[] = []; // 0 match, 1 noise, 2 delete, 3 hole, 4 start
  const get = (i: number, j: number): number => {
    if (j < 0 || i < (lo[j] as number) || i > (hi[j] as number)) return Infinity;
    return (D[j] as Float64Array)[i - (lo[j] as number)] as number;
  };

  // Per element (1-based j): is it a run, the pause before it when it and the one before are runs.
  const isRun = new Uint8Array(M + 1);
  const gap = new Float64Array(M + 1).fill(NaN);
  const logGap = new Float64Array(M + 1).fill(NaN);
  for (let j = 1; j <= M; j++) {
    const cur = elements[j - 1] as Element;
    const prev = elements[j - 2];
    isRun[j] = cur.kind === 'run' ? 1 : 0;
    if (prev && prev.kind === 'run' && cur.kind === 'run') {
      gap[j] = cur.start - prev.end;
      logGap[j] = Math.log(Math.max(gap[j] as number, 0.02));
    }
  }
  // Logs of the bead terms, per shape: text side [k][i0], audio side [l][j0] (NaN: not all runs).
  const LT: Float64Array[] = [];
  const LN: Float64Array[] = [];
  for (let k = 1; k <= MAX_K; k++) {
    const lt = new Float64Array(N);
    const ln = new Float64Array(N);
    for (let i = 0; i + k <= N; i++) {
      lt[i] = Math.log((cumS[i + k] as number) - (cumS[i] as number) + 0.05);
      ln[i] = Math.log((cumN[i + k] as number) - (cumN[i] as number) + 1);
    }
    LT[k] = lt;
    LN[k] = ln;
  }
  const LS: Float64Array[] = [];
  const LP: Float64Array[] = [];
  for (let l = 1; l <= MAX_L; l++) {
    const ls = new Float64Array(M + 1).fill(NaN);
    const lp = new Float64Array(M + 1).fill(NaN);
    for (let j0 = 0; j0 + l <= M; j0++) {
      let ok = true;
      let sp = 0;
      let pk = 0;
      for (let j = j0 + 1; j <= j0 + l; j++) {
        const e = elements[j - 1] as Element;
        if (e.kind !== 'run') {
          ok = false;
          break;
        }
        sp += e.end - e.start;
        pk += e.peaks;
      }
      if (!ok) continue;
      ls[j0] = Math.log(sp + 0.05);
      lp[j0] = Math.log(pk + 1);
    }
    LS[l] = ls;
    LP[l] = lp;
  }
  const brk = new Int8Array(N);
  for (let i = 0; i < N; i++) brk[i] = rank[(pieces[i] as DpPiece).before];
  const logMed = Float64Array.from(BREAKS, (b) => Math.log(PAUSE[b]));
  const runOn = Float64Array.from(BREAKS, (b) => RUN_ON[b]);
  const pauseK = 1 / (2 * sq(SIGMA_PAUSE));
  const loose = options.looseness ?? 1;
  const durK = 1 / (2 * sq(SIGMA_DUR * loose));
  const pkK = 1 / (2 * sq(SIGMA_PEAKS * loose));
  const innerLog = new Float64Array(MAX_L);
  const innerRaw = new Float64Array(MAX_L);
  const breaks = new Int8Array(MAX_K);

  /** Pieces i0..i0+k-1 ↔ runs j0+1..j0+l (the caller checked LS[l][j0] is a number). */
  const matchCost = (i0: number, k: number, j0: number, l: number, ls: number, lp: number): number => {
    let c = sq(ls - ((LT[k] as Float64Array)[i0] as number)) * durK + sq(lp - ((LN[k] as Float64Array)[i0] as number)) * pkK;
    const lg = logGap[j0 + 1] as number;
    if (lg === lg) c += sq(lg - (logMed[brk[i0] as number] as number)) * pauseK;
    if (k === 1 && l === 1) return c;
    c += BEAD_EXTRA * (k + l - 2);
    // Inner breaks take the longest inner pauses, strongest break first (insertion sorts, ≤ 3 items).
    let ni = 0;
    for (let j = j0 + 2; j <= j0 + l; j++) {
      const p = gap[j] as number;
      let m = ni++;
      while (m > 0 && (innerRaw[m - 1] as number) < p) {
        innerRaw[m] = innerRaw[m - 1] as number;
        innerLog[m] = innerLog[m - 1] as number;
        m--;
      }
      innerRaw[m] = p;
      innerLog[m] = logGap[j] as number;
    }
    let nb = 0;
    for (let i = i0 + 1; i < i0 + k; i++) {
      const r = brk[i] as number;
      let m = nb++;
      while (m > 0 && (breaks[m - 1] as number) < r) breaks[m] = breaks[--m] as number;
      breaks[m] = r;
    }
    const most = nb > ni ? nb : ni;
    for (let m = 0; m < most; m++) {
      if (m < nb && m < ni) c += sq((innerLog[m] as number) - (logMed[breaks[m] as number] as number)) * pauseK;
      else if (m < nb) c += runOn[breaks[m] as number] as number;
      else c += 1 + 4 * (innerRaw[m] as number); // a pause inside a cue
    }
    return c;
  };

  const holeCost = (i0: number, k: number, e: Element & { kind: 'hole' }): number => {
    const len = e.end - e.start;
    const x = (cumX[i0 + k] as number) - (cumX[i0] as number);
    // Spread of the expected length: the pace is known to ~12% once heard, plus a few seconds.
    // A short gap in what was heard (the page stalled, audio was lost) holds about its own length
    // of speech: its slack shrinks with it, or the DP dumps text there to dodge a long silence.
    const slack = e.heard ? HOLE_SLACK : Math.min(HOLE_SLACK, SHORT_GAP_SLACK + len / 2);
    const mismatch = sq(len - x) / (2 * sq(HOLE_SPREAD * x + slack));
    if (!e.heard) return mismatch;
    // A heard silence that holds no text: a pause, cheap; past LONG_SILENCE the longer it lasts the
    // likelier it is a dropout that swallowed speech (else the DP squeezes that text into the runs
    // around it — seen on the Opus-coded fixture: a 12 s dropout, two anchors 1.8 and 4.3 s off).
    if (k === 0) return 0.5 + 0.02 * len + Math.max(0, len - LONG_SILENCE) * LONG_SILENCE_PER_S;
    return DROPOUT + mismatch;
  };

  for (let j = 0; j <= M; j++) {
    if (j % STEP_COLUMNS === STEP_COLUMNS - 1) yield;
    const l0 = lo[j] as number;
    const h0 = hi[j] as number;
    const width = h0 - l0 + 1;
    const d = new Float64Array(width).fill(Infinity);
    const bk = new Int16Array(width);
    const bl = new Int16Array(width);
    const bt = new Uint8Array(width).fill(4);
    D.push(d);
    BK.push(bk);
    BL.push(bl);
    BT.push(bt);
    const e = elements[j - 1];
    for (let i = l0; i <= h0; i++) {
      let best = j === 0 && i === 0 ? 0 : Infinity;
      let k0 = 0;
      let l1 = 0;
      let t0 = 4;
      if (e?.kind === 'run') {
        const c = get(i, j - 1) + NOISE_BASE + NOISE_PER_PEAK * e.peaks;
        if (c < best) {
          best = c;
          l1 = 1;
          t0 = 1;
        }
        for (let l = 1; l <= MAX_L && j - l >= 0; l++) {
          const ls = (LS[l] as Float64Array)[j - l] as number;
          if (ls !== ls) break; // not all runs
          const lp = (LP[l] as Float64Array)[j - l] as number;
          const pd = D[j - l] as Float64Array;
          const plo = lo[j - l] as number;
          const phi = hi[j - l] as number;
          for (let k = 1; k <= MAX_K && k + l <= MAX_K + 2 && i - k >= plo; k++) {
            if (i - k > phi) continue;
            const prev = pd[i - k - plo] as number;
            if (prev === Infinity) continue;
            const c = prev + matchCost(i - k, k, j - l, l, ls, lp);
            if (c < best) {
              best = c;
              k0 = k;
              l1 = l;
              t0 = 0;
            }
          }
        }
      } else if (e?.kind === 'hole') {
        const pl = lo[j - 1] as number;
        const ph = Math.min(i, hi[j - 1] as number);
        const pd = D[j - 1] as Float64Array;
        for (let ip = pl; ip <= ph; ip++) {
          const prev = pd[ip - pl] as number;
          if (prev === Infinity) continue;
          const c = prev + holeCost(ip, i - ip, e);
          if (c < best) {
            best = c;
            k0 = i - ip;
            l1 = 1;
            t0 = 3;
          }
        }
      }
      if (i > l0 && j > 0) {
        const c = (d[i - 1 - l0] as number) + DELETE_BASE + DELETE_PER_SYLLABLE * (pieces[i - 1] as DpPiece).syllables;
        if (c < best) {
          best = c;
          k0 = 1;
          l1 = 0;
          t0 = 2;
        }
      }
      d[i - l0] = best;
      bk[i - l0] = k0;
      bl[i - l0] = l1;
      bt[i - l0] = t0;
    }
  }
  // End: every element consumed; the pieces not reached lie ahead (unheard).
  let endI = lo[M] as number;
  for (let i = lo[M] as number; i <= (hi[M] as number); i++) if (get(i, M) < get(endI, M)) endI = i;
  const total = get(endI, M);
  const beads: Bead[] = [];
  if (total === Infinity) return { beads, cost: Infinity };
  let i = endI;
  let j = M;
  const kinds = ['match', 'noise', 'delete', 'hole'] as const;
  while (!(i === 0 && j === 0)) {
    const o = i - (lo[j] as number);
    const t = (BT[j] as Uint8Array)[o] as number;
    if (t === 4) break;
    const k = (BK[j] as Int16Array)[o] as number;
    const l = (BL[j] as Int16Array)[o] as number;
    const c = get(i, j) - get(i - k, j - l);
    beads.push({ kind: kinds[t] as Bead['kind'], i0: i - k, i1: i, j0: j - l, j1: j, cost: c } as Bead);
    i -= k;
    j -= l;
  }
  beads.reverse();
  return { beads, cost: total };
}
