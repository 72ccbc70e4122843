/**
 * The timeline's layer 2, as data: the part's Bilibili track from the cache (30 days) or the
 * network, aligned to the segments' raw text, and accepted only if it is this talk's. Bilibili
 * has answered another video's AI track under the right cid; such a track aligns a few chance
 * matches that move the timeline by minutes. So a track aligning less than MIN_ALIGNED_SHARE of
 * the segments is refused: not cached (a cached one is dropped and fetched again), the estimate
 * stays. Uploader chapters from the same answer ride along (cached with the track).
 * At most one warning per load.
 */
import type { Cue } from '../lib/align';
import { isFiniteNumber, isRecord } from '../lib/guard';
import { askForTrack, type SubtitleRequest } from './subtitles';
import type { UploaderChapter } from './view-points';

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
  /** The estimated starts, to fill what the track leaves open. */
  estimate: () => number[];
  cache: TrackCache;
}

export interface TrackOutcome {
  /** A start per segment from the track, or null when no track was accepted. */
  starts: number[] | null;
  chapters: UploaderChapter[];
  /** One line for the console; null when there is nothing to say (no track for a logged-out user). */
  warning: string | null;
  from: 'cache' | 'network' | null;
}

const cuesModule = () => import('./subtitle-cues');

const refusal = (share: number): string => `${Math.round(share * 100)}% of the lines align with it (this talk's track: nearly all)`;

export async function loadTrack(req: TrackLoad): Promise<TrackOutcome> {
  const now = req.now?.() ?? Date.now();
  const notes: string[] = [];
  const say = (...lines: (string | null)[]): string | null => {
    const all = [...notes, ...lines.filter((l): l is string => !!l)];
    return all.length ? `subtitles: ${all.join('; ')}` : null;
  };
  const hit = await req.cache.read().catch(() => null);
  if (
    isRecord(hit) &&
    hit.v === 1 &&
    hit.cid === req.cid &&
    isFiniteNumber(hit.fetchedAt) &&
    now - hit.fetchedAt < SUBTITLE_CACHE_DAYS * 864e5
  ) {
    const { readCachedCues, readCachedChapters, fitTrack } = await cuesModule();
    const cues = readCachedCues(hit.cues, req.duration);
    const fit = cues && fitTrack(req.sources, cues, req.estimate, req.duration);
    if (fit && 'starts' in fit)
      return { starts: fit.starts, chapters: readCachedChapters(hit.chapters, req.duration), warning: null, from: 'cache' };
    // Cached before this check existed (or spoilt): drop it and ask Bilibili again.
    if (fit) notes.push(`cached track dropped (foreign-track): ${refusal(fit.share)}`);
    void req.cache.drop().catch(() => undefined);
  }
  const asked = await askForTrack(req);
  const signed = asked.signedRefused ? `signed player call refused (${asked.signedRefused}), asked unsigned` : null;
  const base = { starts: null, chapters: asked.chapters, from: null };
  const failed = (reason: string, detail: string) => ({
    ...base,
    warning: say(signed, reason === 'none' ? null : `ignored (${reason}): ${detail}`),
  });
  if (!asked.track) return failed(asked.failure?.reason ?? 'none', asked.failure?.detail ?? '');
  const { fetchCues, fitTrack } = await cuesModule();
  const got = await fetchCues(req, asked.track);
  if (!got.ok) return failed(got.reason, got.detail);
  const fit = fitTrack(req.sources, got.cues, req.estimate, req.duration);
  if ('share' in fit) return failed('foreign-track', `${got.lan} track refused, ${refusal(fit.share)}; not cached`);
  const record: TrackRecord = { v: 1, cid: req.cid, lan: got.lan, fetchedAt: now, cues: got.cues, chapters: asked.chapters };
  void req.cache.write(record).catch(() => undefined);
  return { starts: fit.starts, chapters: asked.chapters, warning: say(signed), from: 'network' };
}
