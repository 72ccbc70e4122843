/**
 * Loaded only when Bilibili lists a track for the part (or one is cached): the cue file, checked
 * like every answer, and whether the track is this talk's at all — aligned to the segments' raw
 * text, it must give a confident start to MIN_ALIGNED_SHARE of them (lib/align.ts says why).
 */
import { alignCues, alignedShare, fillGaps, MIN_ALIGNED_SHARE, type Cue } from '../lib/align';
import { isFiniteNumber, isRecord } from '../lib/guard';
import { TALK } from './route';
import { Failure, getJson, pause, type SubtitleFailure, type SubtitleRequest, type Track } from './subtitle-http';
import { readViewPoints, type UploaderChapter } from './view-points';

export const MAX_CUES = 20_000;
const MAX_CUE_TEXT = 500;

/**
 * The cue file's URL, on Bilibili's hosts over https. An AI track's file is named
 * {aid}{cid}{hash} (…/bfs/ai_subtitle/prod/…): when its name starts with a number, it must start
 * with this part's aid and cid, or it is another video's track.
 */
export function trackUrl(raw: string, aid: number | null, cid: number): string {
  let u: URL | null = null;
  try {
    u = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
  } catch {
    // refused below
  }
  if (!u || u.protocol !== 'https:' || !/(^|\.)(hdslb\.com|bilibili\.com)$/.test(u.hostname))
    throw new Failure('malformed', 'subtitle URL off Bilibili');
  const ids = /\/ai_subtitle\/(?:[^/]+\/)*(\d+)[^/]*$/.exec(u.pathname)?.[1];
  if (ids && aid !== null && !ids.startsWith(`${aid}${cid}`))
    throw new Failure('foreign-track', `track file ${ids.slice(0, 24)}… is not av${aid} cid ${cid}`);
  return u.href;
}

/** Validate a cue file body: finite, non-decreasing times within the duration, text only. */
export function readCues(json: unknown, duration: number): Cue[] {
  const body = isRecord(json) ? json.body : undefined;
  if (!Array.isArray(body)) throw new Failure('malformed', 'no body');
  if (body.length > MAX_CUES) throw new Failure('too-large', `${body.length} cues`);
  const cues: Cue[] = [];
  let prev = 0;
  for (const c of body) {
    if (!isRecord(c) || !isFiniteNumber(c.from) || !isFiniteNumber(c.to) || typeof c.content !== 'string') {
      throw new Failure('bad-cues', 'cue shape');
    }
    if (c.from < prev - 0.001 || c.to < c.from || c.from < 0) throw new Failure('bad-cues', 'times not increasing');
    if (c.content.length > MAX_CUE_TEXT) throw new Failure('bad-cues', 'cue text too long');
    prev = c.from;
    const text = c.content
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    cues.push({ from: c.from, to: c.to, text });
  }
  if (cues.length === 0) throw new Failure('none', 'empty track');
  const last = cues[cues.length - 1] as Cue;
  if (duration > 0 && last.to > duration + 1) throw new Failure('past-duration', `last cue ends at ${last.to}s of ${duration}s`);
  return cues;
}

export type CueResult = { ok: true; cues: Cue[]; lan: string } | { ok: false; reason: SubtitleFailure; detail: string };

/** Fetch and check a listed track's cue file (one retry for a failure a retry can fix). */
export async function fetchCues(req: SubtitleRequest, track: Track): Promise<CueResult> {
  try {
    const url = trackUrl(track.url, req.bvid === TALK.bvid ? TALK.aid : null, req.cid);
    // auth_key in the URL expires: fetch the cue file right away.
    let json: unknown;
    try {
      json = await getJson(req, url, 'omit');
    } catch (err) {
      if (!(err instanceof Failure) || !err.retryable || req.signal.aborted) throw err;
      await pause(req);
      json = await getJson(req, url, 'omit');
    }
    return { ok: true, cues: readCues(json, req.duration), lan: track.lan };
  } catch (err) {
    const f = err instanceof Failure ? err : new Failure('malformed', String(err));
    return { ok: false, reason: f.reason, detail: f.message };
  }
}

/** Cues kept in the cache (as untrusted as the network): validated again, or null. */
export function readCachedCues(cues: unknown, duration: number): Cue[] | null {
  try {
    const list = (Array.isArray(cues) ? cues : []) as Partial<Cue>[];
    return readCues({ body: list.map((c) => ({ from: c?.from, to: c?.to, content: c?.text })) }, duration);
  } catch {
    return null;
  }
}

/** Uploader chapters kept with a cached track, validated again. */
export function readCachedChapters(chapters: unknown, duration: number): UploaderChapter[] {
  const list = (Array.isArray(chapters) ? chapters : []) as Partial<UploaderChapter>[];
  return readViewPoints(
    list.map((c) => ({ type: 2, from: c?.start, to: c?.end, content: c?.title })),
    duration,
  );
}

/** Is this the talk's track? Its starts (gaps filled from the estimate) if so, else the share it reached. */
export function fitTrack(
  sources: readonly string[],
  cues: readonly Cue[],
  estimate: () => number[],
  duration: number,
): { starts: number[] } | { share: number } {
  const known = alignCues(sources, cues);
  const share = alignedShare(sources, known);
  return share >= MIN_ALIGNED_SHARE ? { starts: fillGaps(known, estimate(), duration) } : { share };
}
