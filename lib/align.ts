/**
 * Align timed subtitle cues (another ASR of the same audio) to the segments' raw text.
 *
 * Anchor-based, not a full O(n·m) table: both texts are normalised to a character stream;
 * k-grams that occur exactly once in each stream become candidate anchors; the longest
 * chain increasing in both streams (LIS, O(a log a)) keeps them consistent; an anchor also
 * needs a neighbour agreeing on the local shift, which drops stray coincidences. A segment
 * start takes the time of the cue character it maps to through the nearest anchor — only
 * when an anchor is close; other segments are left null and filled from the estimate's
 * weights between the confident neighbours.
 */

export interface Cue {
  from: number;
  to: number;
  text: string;
}

/** Longer than any pause between two spoken characters: a bigger jump is a hole in the track. */
const MAX_PAUSE = 6;

export interface AlignOptions {
  k?: number;
  /** How far (in characters) the nearest anchors may lie from a segment start. */
  maxGap?: number;
}

/** Keep what both ASRs can agree on: Han characters, Latin letters (lower-cased), digits. */
export function normalizeForAlign(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/[\p{Script=Han}0-9]/u.test(ch)) out += ch;
    else if (/[A-Za-z]/.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

interface Stream {
  text: string;
  /** Time of each character (cue stream) or segment index of each character (reference). */
  at: Float64Array;
}

function cueStream(cues: readonly Cue[]): Stream {
  let text = '';
  const times: number[] = [];
  for (const cue of cues) {
    const t = normalizeForAlign(cue.text);
    const n = t.length;
    for (let i = 0; i < n; i++) times.push(cue.from + ((cue.to - cue.from) * i) / n);
    text += t;
  }
  return { text, at: Float64Array.from(times) };
}

function uniqueGrams(text: string, k: number): Map<string, number> {
  const first = new Map<string, number>();
  const dup = new Set<string>();
  for (let i = 0; i + k <= text.length; i++) {
    const g = text.slice(i, i + k);
    if (first.has(g)) dup.add(g);
    else first.set(g, i);
  }
  for (const g of dup) first.delete(g);
  return first;
}

/** Longest chain of pairs increasing in both coordinates (pairs come sorted by ref). */
function longestChain(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, c], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < c) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tailIdx[lo - 1] as number;
    tails[lo] = c;
    tailIdx[lo] = i;
  });
  const out: [number, number][] = [];
  for (let i = tailIdx[tails.length - 1] ?? -1; i >= 0; i = prev[i] as number) out.push(pairs[i] as [number, number]);
  return out.reverse();
}

/**
 * Start time per segment from the cues, or null where there is no confident match.
 * `sources` are the segments' raw texts, in order.
 */
export function alignCues(sources: readonly string[], cues: readonly Cue[], options: AlignOptions = {}): (number | null)[] {
  const k = options.k ?? 4;
  const maxGap = options.maxGap ?? 24;
  const refParts = sources.map(normalizeForAlign);
  const segStart: number[] = [];
  let ref = '';
  for (const part of refParts) {
    segStart.push(ref.length);
    ref += part;
  }
  const cue = cueStream(cues);
  const refGrams = uniqueGrams(ref, k);
  const cueGrams = uniqueGrams(cue.text, k);
  const pairs: [number, number][] = [];
  for (const [g, r] of refGrams) {
    const c = cueGrams.get(g);
    if (c !== undefined) pairs.push([r, c]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const chain = longestChain(pairs);
  // A lone anchor whose shift disagrees with both neighbours is more likely chance than speech.
  const anchors = chain.filter(([r, c], i) => {
    const near = (j: number): boolean => {
      const p = chain[j];
      return p !== undefined && Math.abs(p[0] - r) <= 4 * maxGap && Math.abs(p[1] - p[0] - (c - r)) <= 6;
    };
    return near(i - 1) || near(i + 1);
  });

  const result: (number | null)[] = new Array<number | null>(sources.length).fill(null);
  const last = cue.at.length - 1;
  let a = 0;
  segStart.forEach((s, i) => {
    if (refParts[i]?.length === 0) return;
    while (a < anchors.length && (anchors[a] as [number, number])[0] <= s) a++;
    const left = anchors[a - 1];
    const right = anchors[a];
    const dl = left ? s - left[0] : Infinity;
    const dr = right ? right[0] - s : Infinity;
    if (Math.min(dl, dr) > maxGap) return;
    // Map the segment's first character into the cue stream through the nearest anchor's
    // shift (a k-gram fixes the shift locally), then read that character's time: pauses
    // between cues are kept, not smeared by interpolating over them.
    const via = dl <= dr ? (left as [number, number]) : (right as [number, number]);
    const index = Math.max(0, Math.min(last, s + (via[1] - via[0])));
    // Walking from the anchor across a hole in the track (a missing stretch) would land on
    // the wrong side of it: refuse when the walk crosses a jump no pause explains.
    const [lo, hi] = index < via[1] ? [index, via[1]] : [via[1], index];
    for (let k = lo; k < hi; k++) if ((cue.at[k + 1] as number) - (cue.at[k] as number) > MAX_PAUSE) return;
    result[i] = cue.at[index] ?? null;
  });
  return result;
}

/**
 * Fill the nulls: between two known starts, spread the gap by the estimate's proportions;
 * before the first / after the last known start, shift the estimate to meet it.
 */
export function fillGaps(known: readonly (number | null)[], estimate: readonly number[], duration: number): number[] {
  const out = estimate.slice(0, known.length);
  const idx = known.flatMap((v, i) => (v === null ? [] : [i]));
  if (idx.length === 0) return out;
  for (const i of idx) out[i] = known[i] as number;
  const firstIdx = idx[0] as number;
  const lastIdx = idx[idx.length - 1] as number;
  const lead = (known[firstIdx] as number) - (estimate[firstIdx] as number);
  for (let i = 0; i < firstIdx; i++) out[i] = Math.max(0, (estimate[i] as number) + lead);
  const tail = (known[lastIdx] as number) - (estimate[lastIdx] as number);
  for (let i = lastIdx + 1; i < out.length; i++) out[i] = Math.min(duration, (estimate[i] as number) + tail);
  for (let n = 0; n + 1 < idx.length; n++) {
    const a = idx[n] as number;
    const b = idx[n + 1] as number;
    if (b - a < 2) continue;
    const ea = estimate[a] as number;
    const eb = estimate[b] as number;
    const ta = known[a] as number;
    const tb = known[b] as number;
    for (let i = a + 1; i < b; i++) {
      const f = eb > ea ? ((estimate[i] as number) - ea) / (eb - ea) : (i - a) / (b - a);
      out[i] = ta + f * (tb - ta);
    }
  }
  return out;
}

/**
 * The share of segments (those with any alignable text) a track gives a confident start. A track
 * of this talk aligns nearly all of them; another talk's track almost none, and every chance
 * match it does make would move the timeline by minutes. Measured (tests/unit/align.test.ts):
 * this talk's track ≥ 0.99 clean, ≥ 0.88 with 40% of its characters wrong, ~0.70 with 30% of the
 * talk missing; other tracks ≤ 0.03 (same-domain Chinese prose; 143 real unrelated Bilibili AI
 * tracks measured for the issue: ≤ 3%), and ≤ 0.27 even for this talk's own sentences shuffled.
 */
export const MIN_ALIGNED_SHARE = 0.5;

export function alignedShare(sources: readonly string[], known: readonly (number | null)[]): number {
  let total = 0;
  let hit = 0;
  sources.forEach((s, i) => {
    if (normalizeForAlign(s).length === 0) return;
    total++;
    if (known[i] !== null && known[i] !== undefined) hit++;
  });
  return total === 0 ? 0 : hit / total;
}
