/**
 * Bilibili's own subtitle track for a part (BILIBILI.md "Subtitles"): x/player/wbi/v2 for
 * the part's cid, then the cue file. Everything in the responses is untrusted: checked for
 * shape, cid, finite increasing times, the duration, and size caps. At most one retry, and
 * only for failures a retry can fix (network, timeout, 5xx).
 */
import type { Cue } from '../lib/align';
import { isFiniteNumber, isRecord } from '../lib/guard';

export const PLAYER_API = 'https://api.bilibili.com/x/player/wbi/v2';
export const MAX_CUES = 20_000;
const MAX_BYTES = 4_000_000;
const MAX_CUE_TEXT = 500;

export type SubtitleFailure =
  | 'none' // logged out or no track: the normal case, not worth a warning
  | 'network'
  | 'http'
  | 'api-code'
  | 'malformed'
  | 'wrong-cid'
  | 'bad-cues'
  | 'too-large'
  | 'past-duration';

export type SubtitleResult = { ok: true; cues: Cue[]; lan: string } | { ok: false; reason: SubtitleFailure; detail?: string };

export interface SubtitleRequest {
  bvid: string;
  cid: number;
  duration: number;
  fetch: typeof fetch;
  signal: AbortSignal;
  timeoutMs?: number;
  retryDelayMs?: number;
}

class Failure extends Error {
  constructor(
    readonly reason: SubtitleFailure,
    detail: string,
    readonly retryable = false,
  ) {
    super(detail);
  }
}

async function getJson(req: SubtitleRequest, url: string, credentials: RequestCredentials): Promise<unknown> {
  if (req.signal.aborted) throw new Failure('network', 'session ended');
  // One deadline for headers and body; the session ending cancels both.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), req.timeoutMs ?? 8000);
  const abort = (): void => timeout.abort();
  req.signal.addEventListener('abort', abort, { once: true });
  let text: string;
  try {
    let res: Response;
    try {
      res = await req.fetch(url, { credentials, signal: timeout.signal });
    } catch (err) {
      throw new Failure('network', String(err), !req.signal.aborted);
    }
    if (!res.ok) throw new Failure('http', `HTTP ${res.status}`, res.status >= 500);
    const declared = Number(res.headers.get('content-length'));
    if (declared > MAX_BYTES) throw new Failure('too-large', `${declared} bytes`);
    try {
      text = await res.text();
    } catch (err) {
      throw new Failure('network', String(err), !req.signal.aborted);
    }
  } finally {
    clearTimeout(timer);
    req.signal.removeEventListener('abort', abort);
  }
  if (text.length > MAX_BYTES) throw new Failure('too-large', `${text.length} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Failure('malformed', 'not JSON');
  }
}

/** Pick the subtitle URL from a player API response (Chinese, human track first, then AI). */
export function pickTrack(json: unknown, cid: number): { url: string; lan: string } {
  if (!isRecord(json)) throw new Failure('malformed', 'not an object');
  if (json.code !== 0) throw new Failure('api-code', `code ${String(json.code)}`);
  const data = json.data;
  if (!isRecord(data)) throw new Failure('malformed', 'no data');
  if (data.cid !== cid) throw new Failure('wrong-cid', `asked ${cid}, got ${String(data.cid)}`);
  const list = isRecord(data.subtitle) ? data.subtitle.subtitles : undefined;
  if (!Array.isArray(list)) throw new Failure('malformed', 'no subtitle list');
  const tracks = list.flatMap((s) =>
    isRecord(s) && typeof s.lan === 'string' && typeof s.subtitle_url === 'string' ? [{ lan: s.lan, url: s.subtitle_url }] : [],
  );
  const zh = tracks.filter((t) => /^(ai-)?zh/i.test(t.lan));
  const track = zh.find((t) => !t.lan.startsWith('ai-')) ?? zh[0];
  if (!track) throw new Failure('none', 'no Chinese track');
  const url = track.url.startsWith('//') ? `https:${track.url}` : track.url;
  let host: string;
  try {
    const u = new URL(url);
    host = u.protocol === 'https:' ? u.hostname : '';
  } catch {
    host = '';
  }
  if (!/(^|\.)(hdslb\.com|bilibili\.com)$/.test(host)) throw new Failure('malformed', 'subtitle URL off Bilibili');
  return { url, lan: track.lan };
}

const stripMarkup = (s: string): string =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

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
    cues.push({ from: c.from, to: c.to, text: stripMarkup(c.content) });
  }
  if (cues.length === 0) throw new Failure('none', 'empty track');
  const last = cues[cues.length - 1] as Cue;
  if (duration > 0 && last.to > duration + 1) throw new Failure('past-duration', `last cue ends at ${last.to}s of ${duration}s`);
  return cues;
}

/**
 * The page's own fetch, so a request goes out as the player's would (page origin, the user's
 * Bilibili cookies, Bilibili's CORS rules). Chrome's content scripts already fetch as the page;
 * Firefox's use the extension's privileges and omit the page's Origin and Referer, unless they
 * call `content.fetch` (MDN, Content scripts: "XHR and Fetch").
 */
export function pageFetch(win: Window): typeof fetch {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  if (page && typeof page.fetch === 'function') return (input, init) => page.fetch!(input, init);
  return win.fetch.bind(win);
}

export async function fetchSubtitleCues(req: SubtitleRequest): Promise<SubtitleResult> {
  const attempt = async (): Promise<SubtitleResult> => {
    const api = `${PLAYER_API}?bvid=${encodeURIComponent(req.bvid)}&cid=${req.cid}`;
    const track = pickTrack(await getJson(req, api, 'include'), req.cid);
    // auth_key in the URL expires: fetch the cue file right away.
    const cues = readCues(await getJson(req, track.url, 'omit'), req.duration);
    return { ok: true, cues, lan: track.lan };
  };
  try {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof Failure) || !err.retryable || req.signal.aborted) throw err;
      await new Promise<void>((resolve) => {
        const id = setTimeout(resolve, req.retryDelayMs ?? 1500);
        req.signal.addEventListener('abort', () => (clearTimeout(id), resolve()), { once: true });
      });
      if (req.signal.aborted) throw err;
      return await attempt();
    }
  } catch (err) {
    if (err instanceof Failure) return { ok: false, reason: err.reason, detail: err.message };
    return { ok: false, reason: 'malformed', detail: String(err) };
  }
}
