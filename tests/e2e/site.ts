/**
 * The fixture site: https://www.bilibili.com/** served from tests/e2e/fixtures, Bilibili's
 * APIs answered per test, every other host blocked and recorded. Used by the E2E tests,
 * the demo, the screenshots and the benchmark.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { aidFromBvid } from '../../bilibili/bvid';
import { mixinKey, type WbiKeys } from '../../lib/wbi';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
/** Media made at test time (ignored by git), served at /__fixture/media/NAME. */
export const MEDIA_DIR = join(FIXTURES, 'media');
export const MEDIA = join(MEDIA_DIR, 'talk.webm');
/** Duration of the generated fixture video (seconds); the talk is about 40 minutes. */
export const MEDIA_DURATION = 2400;
export const TALK_CIDS = [1_500_001, 1_500_002, 1_500_003, 1_500_004, 1_500_005, 1_500_006];

export interface SubtitleScenario {
  /** Response of x/player/wbi/v2: an object to serve as JSON, a raw string, an HTTP status, or 'network' to fail. */
  player?: unknown;
  /** Responses of successive player calls (the last one repeats); instead of `player`. */
  players?: unknown[];
  /**
   * Response to a call signed correctly with the page's WBI keys (SiteOptions.wbiKeys), e.g. a
   * v_voucher or 412 to test the unsigned fallback. Unset: answered like an unsigned call. A call
   * signed wrongly always gets a v_voucher, as Bilibili answers one.
   */
  signed?: unknown;
  /** Response of the cue file. */
  cues?: unknown;
}

export interface SiteOptions {
  subtitles?: SubtitleScenario;
  /** WBI keys the page keeps in localStorage (`wbi_img_urls`), as Bilibili's scripts do. */
  wbiKeys?: WbiKeys;
  /**
   * A Content-Security-Policy header for the video pages; `{{NONCE}}` becomes a fresh nonce that
   * the page's own inline script carries (Bilibili-like: `script-src 'self' 'nonce-…'`).
   */
  csp?: string;
}

/** A policy no inline script and no foreign script passes, except the page's own nonce'd one. */
export const STRICT_CSP = "script-src 'self' 'nonce-{{NONCE}}'; object-src 'none'; base-uri 'none'";

export interface SiteLog {
  /** Requests to hosts other than *.bilibili.com and *.hdslb.com. */
  offsite: string[];
  /** Every Bilibili API / subtitle request, in order. */
  api: string[];
  /** Player calls signed with the page's keys: true when the signature was right. */
  signatures: boolean[];
  /** Extension files fetched by the page's scripts (dynamic imports, fetch), by path, in order. */
  extension: string[];
}

const PARTS = ['开幕式', '主题报告一', '主题报告二', '主题报告三', '主题报告四', '圆桌讨论'];

export function pageHtml(url: URL, options: SiteOptions = {}, nonce = ''): string {
  const bvid = /\/video\/([^/?]+)/.exec(url.pathname)?.[1] ?? 'BV1xx411c7mD';
  const pRaw = url.searchParams.get('p');
  const p = pRaw && /^\d+$/.test(pRaw) ? Number(pRaw) : 1;
  const talk = bvid === 'BV1DS411w7hz';
  const pages = talk
    ? PARTS.map((part, i) => ({ page: i + 1, cid: TALK_CIDS[i], part, duration: i === 5 ? MEDIA_DURATION : 1800 }))
    : [{ page: 1, cid: 42, part: 'P1', duration: MEDIA_DURATION }];
  const title = talk ? '2024北京智源大会-生成模型' : 'Another video';
  const aid = aidFromBvid(bvid) ?? 1;
  const state = { bvid, p, aid, videoData: { bvid, aid, cid: pages[0]?.cid, title, pages } };
  const keys = options.wbiKeys;
  const storage = keys
    ? `try { localStorage.setItem('wbi_img_urls', ${JSON.stringify(`https://i0.hdslb.com/bfs/wbi/${keys.imgKey}.png-https://i0.hdslb.com/bfs/wbi/${keys.subKey}.png`)}); } catch (e) {}`
    : '';
  return readFileSync(join(FIXTURES, 'video.html'), 'utf8')
    .replaceAll('{{TITLE}}', title)
    .replace('{{NONCE_ATTR}}', nonce ? `nonce="${nonce}"` : '')
    .replace('{{STORAGE}}', storage)
    .replace('{{STATE}}', JSON.stringify(state).replace(/</g, '\\u003c'));
}

/** Did a player call carry a right WBI signature for these keys? (node:crypto's md5, not lib/md5.) */
function signatureOk(url: URL, keys: WbiKeys): boolean {
  const params = [...url.searchParams].filter(([k]) => k !== 'w_rid').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[!'()*]/g, ''))}`).join('&');
  const wts = Number(url.searchParams.get('wts'));
  const fresh = Math.abs(wts - Date.now() / 1000) < 300;
  return (
    fresh &&
    createHash('md5')
      .update(query + mixinKey(keys))
      .digest('hex') === url.searchParams.get('w_rid')
  );
}

const VOUCHER = { code: 0, message: '0', ttl: 1, data: { v_voucher: 'voucher_84a8c3ce-33f5-4551-9552-9c6b13aa7938' } };

/** One answer of the fixture site, independent of the browser driver that delivers it. */
export type SiteAnswer =
  | { status: number; headers: Record<string, string>; body: Buffer }
  | 'pass' // the browser's own (extension files, data:, blob:)
  | 'network' // fail as a network error
  | 'offsite'; // blocked: not Bilibili

const reply = (status: number, body: Buffer | string = '', headers: Record<string, string> = {}): SiteAnswer => ({
  status,
  headers,
  body: Buffer.from(body),
});

/** Real byte ranges: seeking needs them, or the media snaps back to 0. */
function fileReply(file: string, type: string, range: string | undefined): SiteAnswer {
  const size = statSync(file).size;
  const m = /bytes=(\d*)-(\d*)/.exec(range ?? '');
  if (!m) return reply(200, readFileSync(file), { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': String(size) });
  const start = m[1] ? Number(m[1]) : 0;
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  const body = readFileSync(file).subarray(start, end + 1);
  return reply(206, body, {
    'content-type': type,
    'accept-ranges': 'bytes',
    'content-range': `bytes ${start}-${end}/${size}`,
    'content-length': String(body.length),
  });
}

/** A scenario value as Bilibili's API would send it: JSON (object or raw text), an HTTP status, or 'network'. */
function apiReply(value: unknown): SiteAnswer {
  if (value === 'network') return 'network';
  if (typeof value === 'number') return reply(value);
  return reply(200, typeof value === 'string' ? value : JSON.stringify(value), {
    'content-type': 'application/json',
    'access-control-allow-origin': 'https://www.bilibili.com',
    'access-control-allow-credentials': 'true',
  });
}

/** The logged-out answer: no subtitles (BILIBILI.md). */
export const LOGGED_OUT_PLAYER = (cid: number): unknown => ({
  code: 0,
  message: '0',
  data: { cid, need_login_subtitle: true, subtitle: { subtitles: [] } },
});

/**
 * The fixture site as request → answer, recorded in `log`: used through Playwright routing
 * (installSite) and through WebDriver BiDi interception (tests/firefox).
 */
export function siteReply(url: URL, range: string | undefined, options: SiteOptions, log: SiteLog): SiteAnswer {
  const host = url.hostname;
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') log.extension.push(url.pathname);
  if (!/^https?:$/.test(url.protocol)) return 'pass';
  if (host === 'www.bilibili.com') {
    if (url.pathname === '/__fixture/media.webm') return fileReply(MEDIA, 'video/webm', range);
    const made = /^\/__fixture\/media\/([\w-]+\.(webm|wav))$/.exec(url.pathname);
    if (made) {
      const file = join(MEDIA_DIR, made[1]!);
      return existsSync(file) ? fileReply(file, made[2] === 'wav' ? 'audio/wav' : 'video/webm', range) : reply(404);
    }
    if (url.pathname.startsWith('/__fixture/')) {
      const file = join(FIXTURES, url.pathname.slice('/__fixture/'.length));
      return existsSync(file)
        ? reply(200, readFileSync(file), { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' })
        : reply(404);
    }
    if (url.pathname.startsWith('/video/')) {
      const nonce = options.csp ? randomBytes(12).toString('base64') : '';
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (options.csp) headers['content-security-policy'] = options.csp.replaceAll('{{NONCE}}', nonce);
      return reply(200, pageHtml(url, options, nonce), headers);
    }
    return reply(404);
  }
  if (host === 'api.bilibili.com') {
    log.api.push(url.href);
    if (url.pathname !== '/x/player/wbi/v2') return reply(404);
    const s = options.subtitles;
    if (url.searchParams.has('w_rid')) {
      const ok = !!options.wbiKeys && signatureOk(url, options.wbiKeys);
      log.signatures.push(ok);
      if (!ok) return apiReply(VOUCHER);
      if (s?.signed !== undefined) return apiReply(s.signed);
    }
    const calls = log.api.filter((u) => new URL(u).pathname === '/x/player/wbi/v2').length;
    const answer = s?.players ? s.players[Math.min(calls, s.players.length) - 1] : s?.player;
    return apiReply(answer ?? LOGGED_OUT_PLAYER(Number(url.searchParams.get('cid'))));
  }
  if (host.endsWith('.hdslb.com')) {
    log.api.push(url.href);
    return apiReply(options.subtitles?.cues ?? 404);
  }
  log.offsite.push(url.href);
  return 'offsite';
}

export async function installSite(context: BrowserContext, options: SiteOptions = {}): Promise<SiteLog> {
  const log: SiteLog = { offsite: [], api: [], extension: [], signatures: [] };
  await context.route(/.*/, async (route) => {
    const answer = siteReply(new URL(route.request().url()), route.request().headers().range, options, log);
    if (answer === 'pass') return route.continue();
    if (answer === 'network') return route.abort('failed');
    if (answer === 'offsite') return route.abort('blockedbyclient');
    return route.fulfill(answer);
  });
  return log;
}
