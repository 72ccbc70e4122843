/**
 * What the subtitle client's calls share: the request, the failure reasons, one JSON GET with a
 * deadline and a size cap, and the retry pause. A leaf, so the lazily loaded cue reader
 * (subtitle-cues.ts) and the player call (subtitles.ts) can both use it.
 */
import type { Cue } from '../lib/align';
import type { WbiKeys } from '../lib/wbi';
import type { UploaderChapter } from './view-points';

export const MAX_BYTES = 4_000_000;

export type SubtitleFailure =
  | 'none' // logged out or no track: the normal case, not worth a warning
  | 'network'
  | 'http'
  | 'api-code'
  | 'voucher' // risk control answered a v_voucher instead of data
  | 'malformed'
  | 'wrong-cid'
  | 'wrong-video' // the answer names another aid/bvid
  | 'foreign-track' // the track belongs to another video (its URL, or it does not align)
  | 'bad-cues'
  | 'too-large'
  | 'past-duration';

export type SubtitleResult = ({ ok: true; cues: Cue[]; lan: string } | { ok: false; reason: SubtitleFailure; detail?: string }) & {
  /** Uploader chapters from the player answer; empty when it has none or was not read. */
  chapters: UploaderChapter[];
  /** Player calls made, ≤ MAX_PLAYER_CALLS. */
  playerCalls: number;
  /** Why the signed call was refused, when an unsigned one was tried after it. */
  signedRefused?: string;
};

export interface SubtitleRequest {
  bvid: string;
  cid: number;
  duration: number;
  fetch: typeof fetch;
  signal: AbortSignal;
  /** The page's WBI keys (bilibili/wbi-keys.ts): the player call is signed with them; without, unsigned. */
  wbi?: WbiKeys | null;
  /** Clock for `wts`, in ms (tests). */
  now?: () => number;
  timeoutMs?: number;
  retryDelayMs?: number;
}

export class Failure extends Error {
  constructor(
    readonly reason: SubtitleFailure,
    detail: string,
    readonly retryable = false,
    /** Risk control said no: a signed call may be retried unsigned. */
    readonly refusal = false,
  ) {
    super(detail);
  }
}

export async function getJson(req: SubtitleRequest, url: string, credentials: RequestCredentials): Promise<unknown> {
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
    if (!res.ok) throw new Failure('http', `HTTP ${res.status}`, res.status >= 500, res.status === 412);
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

export const pause = (req: SubtitleRequest): Promise<void> =>
  new Promise<void>((resolve) => {
    const id = setTimeout(resolve, req.retryDelayMs ?? 1500);
    req.signal.addEventListener('abort', () => (clearTimeout(id), resolve()), { once: true });
  }).then(() => {
    if (req.signal.aborted) throw new Failure('network', 'session ended');
  });

export interface Track {
  lan: string;
  url: string;
}
