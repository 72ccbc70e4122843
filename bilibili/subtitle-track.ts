/**
 * The timeline's layer 2, as data: the part's Bilibili track from the cache (30 days) or the
 * network, aligned to the segments' raw text, and accepted only if it is this talk's. Bilibili
 * has answered another video's AI track under the right cid; such a track aligns a few chance
 * matches that move the timeline by minutes. So a track aligning less than MIN_ALIGNED_SHARE of
 * the segments is refused: not cached (a cached one is dropped and fetched again), the estimate
 * stays. Uploader chapters from the same answer ride along (cached with the track).
 * At most one warning per load.
 */
import { alignCues, alignedShare, MIN_ALIGNED_SHARE, type Cue } from '../lib/align';
import { isFiniteNumber, isRecord } from '../lib/guard';
import { fetchSubtitleCues, readCues, type SubtitleRequest } from './subtitles';
import { readViewPoints, type UploaderChapter } from './view-points';

export const SUBTITLE_CACHE_DAYS = 30;

/** What the cache holds for a part (version 1; `chapters` was added later and may be missing). */
export interface TrackRecord {
  v: 1;
  cid: number;
  lan: string;
  fetchedAt: number;
  cues: Cue[];
  chapters?: UploaderChapter[];
}

export interface TrackCache {
  read(): Promise<unknown>;
  write(record: TrackRecord): Promise<void>;
  drop(): Promise<void>;
}

export interface TrackLoad extends SubtitleRequest {
  /** The segments' raw texts, in order. */
  sources: readonly string[];
  cache: TrackCache;
}

export interface TrackOutcome {
  /** Start per segment (null where the track is not confident), or null when no track was accepted. */
  known: (number | null)[] | null;
  chapters: UploaderChapter[];
  /** One line for the console; null when there is nothing to say (no track for a logged-out user). */
  warning: string | null;
  from: 'cache' | 'network' | null;
}

/** A cached record, re-validated like a fresh answer (storage is as untrusted as the network). */
function readRecord(hit: unknown, cid: number, duration: number, now: number): { cues: Cue[]; chapters: UploaderChapter[] } | null {
  if (!isRecord(hit) || hit.v !== 1 || hit.cid !== cid || !isFiniteNumber(hit.fetchedAt)) return null;
  if (!(now - hit.fetchedAt < SUBTITLE_CACHE_DAYS * 86_400_000)) return null;
  try {
    const cues = (Array.isArray(hit.cues) ? hit.cues : []) as Partial<Cue>[];
    const chapters = (Array.isArray(hit.chapters) ? hit.chapters : []) as Partial<UploaderChapter>[];
    return {
      cues: readCues({ body: cues.map((c) => ({ from: c?.from, to: c?.to, content: c?.text })) }, duration),
      chapters: readViewPoints(
        chapters.map((c) => ({ type: 2, from: c?.start, to: c?.end, content: c?.title })),
        duration,
      ),
    };
  } catch {
    return null;
  }
}

function fit(sources: readonly string[], cues: readonly Cue[]): { known: (number | null)[]; share: number } {
  const known = alignCues(sources, cues);
  return { known, share: alignedShare(sources, known) };
}

const refusal = (share: number): string =>
  `${Math.round(share * 100)}% of the lines align with it (this talk's track aligns nearly all, another video's almost none; needs ${MIN_ALIGNED_SHARE * 100}%)`;

export async function loadTrack(req: TrackLoad): Promise<TrackOutcome> {
  const now = req.now?.() ?? Date.now();
  const notes: string[] = [];
  const cached = readRecord(await req.cache.read().catch(() => null), req.cid, req.duration, now);
  if (cached) {
    const f = fit(req.sources, cached.cues);
    if (f.share >= MIN_ALIGNED_SHARE) return { known: f.known, chapters: cached.chapters, warning: null, from: 'cache' };
    // Cached before this check existed: drop it and ask Bilibili again.
    notes.push(`cached track dropped (foreign-track): ${refusal(f.share)}`);
    void req.cache.drop().catch(() => undefined);
  }
  const say = (line: string | null): string | null => {
    const all = [...notes, ...(line ? [line] : [])];
    return all.length ? `subtitles: ${all.join('; ')}` : null;
  };
  const result = await fetchSubtitleCues(req);
  const signed = result.signedRefused ? `signed player call refused (${result.signedRefused}), asked unsigned` : null;
  if (!result.ok) {
    const why = result.reason === 'none' ? null : `ignored (${result.reason}): ${result.detail ?? ''}`;
    return { known: null, chapters: result.chapters, warning: say([signed, why].filter(Boolean).join('; ') || null), from: null };
  }
  const f = fit(req.sources, result.cues);
  if (f.share < MIN_ALIGNED_SHARE) {
    const why = `ignored (foreign-track): ${result.lan} track refused, ${refusal(f.share)}; not cached`;
    return { known: null, chapters: result.chapters, warning: say([signed, why].filter(Boolean).join('; ')), from: null };
  }
  const record: TrackRecord = { v: 1, cid: req.cid, lan: result.lan, fetchedAt: now, cues: result.cues, chapters: result.chapters };
  void req.cache.write(record).catch(() => undefined);
  return { known: f.known, chapters: result.chapters, warning: say(signed), from: 'network' };
}
