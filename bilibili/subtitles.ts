/**
 * Bilibili's own subtitle track for a part (BILIBILI.md "Subtitles"): x/player/wbi/v2 for the
 * part's cid, then the cue file. Everything in the answers is untrusted: checked for shape, the
 * video (cid, aid/bvid when given), finite increasing times, the duration, and size caps.
 *
 * At most MAX_PLAYER_CALLS player calls per part, for one of: the call signed with the page's
 * WBI keys was refused (412, code -352/-403/-412, a v_voucher) → once unsigned; a logged-in
 * answer with an empty list (reported for real clients on the first call) → once after a pause;
 * a failure a retry can fix (network, timeout, 5xx) → once after a pause. A logged-out answer
 * is final. The cue file and the alignment (bilibili/subtitle-cues.ts) load only when there is
 * a track: a logged-out user's page never fetches them.
 */
import { isFiniteNumber, isRecord } from '../lib/guard';
import { signWbi, type WbiKeys } from '../lib/wbi';
import { TALK } from './route';
import { Failure, getJson, pause, type SubtitleFailure, type SubtitleRequest, type SubtitleResult, type Track } from './subtitle-http';
import type { UploaderChapter } from './view-points';

export const PLAYER_API = 'https://api.bilibili.com/x/player/wbi/v2';
export const MAX_PLAYER_CALLS = 2;
/** Answer codes of Bilibili's risk control (bilibili-API-collect docs/misc/sign/v_voucher.md, errcode.md). */
const REFUSED_CODES = new Set([-352, -403, -412]);

export { Failure, getJson, pause, type SubtitleFailure, type SubtitleRequest, type SubtitleResult, type Track } from './subtitle-http';

interface PlayerInfo {
  tracks: Track[];
  loggedIn: boolean;
  /** `data.view_points` as sent: read (bilibili/view-points.ts) only when there are any. */
  viewPoints: unknown;
}

/** Read a player answer: the tracks it lists, whether it is a logged-in user's, the uploader chapters. */
function readPlayer(json: unknown, req: SubtitleRequest, aid: number | null): PlayerInfo {
  if (!isRecord(json)) throw new Failure('malformed', 'not an object');
  const data = json.data;
  // A voucher comes with code 0 (a missing or wrong WBI signature) or -352 (risk control).
  if (isRecord(data) && typeof data.v_voucher === 'string')
    throw new Failure('voucher', `v_voucher (code ${String(json.code)})`, false, true);
  if (json.code !== 0) throw new Failure('api-code', `code ${String(json.code)}`, false, REFUSED_CODES.has(json.code as number));
  if (!isRecord(data)) throw new Failure('malformed', 'no data');
  if (data.cid !== req.cid) throw new Failure('wrong-cid', `asked cid ${req.cid}, got ${String(data.cid)}`);
  if ((data.aid !== undefined && data.aid !== aid) || (data.bvid !== undefined && data.bvid !== req.bvid))
    throw new Failure('wrong-video', `asked ${req.bvid}, got ${String(data.bvid)} (av${String(data.aid)})`);
  // Logged out, the answer may have no subtitle object at all (bilibili-API-collect, player.md).
  const list = data.subtitle === undefined || data.subtitle === null ? [] : isRecord(data.subtitle) ? data.subtitle.subtitles : undefined;
  if (!Array.isArray(list)) throw new Failure('malformed', 'no subtitle list');
  const tracks = list.flatMap((s) =>
    isRecord(s) && typeof s.lan === 'string' && typeof s.subtitle_url === 'string' ? [{ lan: s.lan, url: s.subtitle_url }] : [],
  );
  const loggedIn = isFiniteNumber(data.login_mid) && data.login_mid > 0 && data.need_login_subtitle !== true;
  return { tracks, loggedIn, viewPoints: data.view_points };
}

/**
 * Which Chinese track: a human Simplified one, else the AI one (ai-zh, the same kind of ASR as the
 * talk's raw text), else any other Chinese one; Traditional last, since it cannot align with the
 * Simplified transcript (and is then refused, keeping the estimate).
 */
export function chooseTrack<T extends { lan: string }>(tracks: readonly T[]): T | undefined {
  const rank = ({ lan }: T): number =>
    /^(ai-)?zh-(tw|hk|mo|hant)\b/i.test(lan)
      ? 3
      : /^zh(-(cn|hans|sg|my))?$/i.test(lan)
        ? 0
        : /^ai-zh/i.test(lan)
          ? 1
          : /^zh/i.test(lan)
            ? 2
            : 9;
  let best: T | undefined;
  for (const t of tracks) if (rank(t) < 9 && (!best || rank(t) < rank(best))) best = t;
  return best;
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

interface Run {
  calls: number;
  signedRefused?: string;
}

function playerUrl(req: SubtitleRequest, keys: WbiKeys | null): string {
  if (!keys) return `${PLAYER_API}?bvid=${encodeURIComponent(req.bvid)}&cid=${req.cid}`;
  return `${PLAYER_API}?${signWbi({ bvid: req.bvid, cid: req.cid }, keys, Math.round((req.now?.() ?? Date.now()) / 1000))}`;
}

async function askPlayer(req: SubtitleRequest, aid: number | null, run: Run): Promise<PlayerInfo> {
  let keys = req.wbi ?? null;
  let waitedForList = false;
  for (;;) {
    run.calls++;
    const last = run.calls >= MAX_PLAYER_CALLS;
    let info: PlayerInfo;
    try {
      info = readPlayer(await getJson(req, playerUrl(req, keys), 'include'), req, aid);
    } catch (err) {
      if (!(err instanceof Failure) || last || req.signal.aborted) throw err;
      if (keys && err.refusal) {
        run.signedRefused = err.message;
        keys = null;
      } else if (err.retryable) await pause(req);
      else throw err;
      continue;
    }
    // Logged out, an empty list is the answer; logged in, it has been seen to fill on a second ask.
    if (info.loggedIn && info.tracks.length === 0 && !waitedForList && !last) {
      waitedForList = true;
      await pause(req);
      continue;
    }
    return info;
  }
}

/** What the player call gave: the Chinese track to fetch (if any), the uploader chapters, how it went. */
export interface PlayerOutcome {
  track: Track | null;
  chapters: UploaderChapter[];
  playerCalls: number;
  signedRefused?: string;
  failure?: { reason: SubtitleFailure; detail: string };
}

export async function askForTrack(req: SubtitleRequest): Promise<PlayerOutcome> {
  const aid = req.bvid === TALK.bvid ? TALK.aid : null;
  const run: Run = { calls: 0 };
  const extras = () => ({ playerCalls: run.calls, ...(run.signedRefused ? { signedRefused: run.signedRefused } : {}) });
  try {
    if (req.signal.aborted) throw new Failure('network', 'session ended');
    const info = await askPlayer(req, aid, run);
    const track = chooseTrack(info.tracks) ?? null;
    const none = track ? {} : { failure: { reason: 'none' as const, detail: info.tracks.length ? 'no Chinese track' : 'no track' } };
    // Most parts have no uploader chapters: their reader loads only for a part that has some.
    const vp = info.viewPoints;
    const chapters =
      Array.isArray(vp) && vp.length
        ? await import('./view-points').then(
            (m) => m.readViewPoints(vp, req.duration),
            () => [], // the chunk did not load: no chapters, the track still counts
          )
        : [];
    return { track, chapters, ...extras(), ...none };
  } catch (err) {
    const f = err instanceof Failure ? err : new Failure('malformed', String(err));
    return { track: null, chapters: [], ...extras(), failure: { reason: f.reason, detail: f.message } };
  }
}

/** The player call, then (loaded only now) the cue file. */
export async function fetchSubtitleCues(req: SubtitleRequest): Promise<SubtitleResult> {
  const asked = await askForTrack(req);
  const { track, failure, ...extras } = asked;
  if (!track) return { ok: false, reason: failure?.reason ?? 'none', detail: failure?.detail, ...extras };
  const { fetchCues } = await import('./subtitle-cues');
  return { ...(await fetchCues(req, track)), ...extras };
}
