/**
 * The fixture site: https://www.bilibili.com/** served from tests/e2e/fixtures, Bilibili's
 * APIs answered per test, every other host blocked and recorded. Used by the E2E tests,
 * the demo, the screenshots and the benchmark.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const MEDIA = join(FIXTURES, 'media', 'talk.webm');
/** Duration of the generated fixture video (seconds); the talk is about 40 minutes. */
export const MEDIA_DURATION = 2400;
export const TALK_CIDS = [1_500_001, 1_500_002, 1_500_003, 1_500_004, 1_500_005, 1_500_006];

export interface SubtitleScenario {
  /** Response of x/player/wbi/v2: an object to serve as JSON, a raw string, an HTTP status, or 'network' to fail. */
  player?: unknown;
  /** Response of the cue file. */
  cues?: unknown;
}

export interface SiteOptions {
  subtitles?: SubtitleScenario;
}

export interface SiteLog {
  /** Requests to hosts other than *.bilibili.com and *.hdslb.com. */
  offsite: string[];
  /** Every Bilibili API / subtitle request, in order. */
  api: string[];
  /** Extension files fetched by the page's scripts (dynamic imports, fetch), by path, in order. */
  extension: string[];
}

const PARTS = ['开幕式', '主题报告一', '主题报告二', '主题报告三', '主题报告四', '圆桌讨论'];

export function pageHtml(url: URL): string {
  const bvid = /\/video\/([^/?]+)/.exec(url.pathname)?.[1] ?? 'BV1xx411c7mD';
  const pRaw = url.searchParams.get('p');
  const p = pRaw && /^\d+$/.test(pRaw) ? Number(pRaw) : 1;
  const talk = bvid === 'BV1DS411w7hz';
  const pages = talk
    ? PARTS.map((part, i) => ({ page: i + 1, cid: TALK_CIDS[i], part, duration: i === 5 ? MEDIA_DURATION : 1800 }))
    : [{ page: 1, cid: 42, part: 'P1', duration: MEDIA_DURATION }];
  const title = talk ? '2024北京智源大会-生成模型' : 'Another video';
  const state = { bvid, p, aid: 1, videoData: { bvid, cid: pages[0]?.cid, title, pages } };
  return readFileSync(join(FIXTURES, 'video.html'), 'utf8')
    .replaceAll('{{TITLE}}', title)
    .replace('{{STATE}}', JSON.stringify(state).replace(/</g, '\\u003c'));
}

async function serveFile(route: Route, file: string, type: string): Promise<void> {
  const size = statSync(file).size;
  const range = /bytes=(\d*)-(\d*)/.exec(route.request().headers().range ?? '');
  if (!range) {
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': String(size) },
    });
  }
  const start = range[1] ? Number(range[1]) : 0;
  const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  const body = readFileSync(file).subarray(start, end + 1);
  // Seeking needs real byte ranges, or the media snaps back to 0.
  return route.fulfill({
    status: 206,
    body,
    headers: {
      'content-type': type,
      'accept-ranges': 'bytes',
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': String(body.length),
    },
  });
}

async function answer(route: Route, value: unknown): Promise<void> {
  if (value === 'network') return route.abort('failed');
  if (typeof value === 'number') return route.fulfill({ status: value, body: '' });
  if (typeof value === 'string')
    return route.fulfill({
      status: 200,
      body: value,
      headers: {
        'content-type': 'application/json',
        'access-control-allow-origin': 'https://www.bilibili.com',
        'access-control-allow-credentials': 'true',
      },
    });
  return route.fulfill({
    status: 200,
    json: value,
    headers: { 'access-control-allow-origin': 'https://www.bilibili.com', 'access-control-allow-credentials': 'true' },
  });
}

/** The logged-out answer: no subtitles (BILIBILI.md). */
export const LOGGED_OUT_PLAYER = (cid: number): unknown => ({
  code: 0,
  message: '0',
  data: { cid, need_login_subtitle: true, subtitle: { subtitles: [] } },
});

export async function installSite(context: BrowserContext, options: SiteOptions = {}): Promise<SiteLog> {
  const log: SiteLog = { offsite: [], api: [], extension: [] };
  await context.route(/.*/, async (route) => {
    const url = new URL(route.request().url());
    const host = url.hostname;
    if (url.protocol === 'chrome-extension:') log.extension.push(url.pathname);
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (host === 'www.bilibili.com') {
      if (url.pathname === '/__fixture/media.webm') return serveFile(route, MEDIA, 'video/webm');
      if (url.pathname.startsWith('/__fixture/')) {
        const file = join(FIXTURES, url.pathname.slice('/__fixture/'.length));
        if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
        const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
        return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': type } });
      }
      if (url.pathname.startsWith('/video/'))
        return route.fulfill({ status: 200, body: pageHtml(url), headers: { 'content-type': 'text/html; charset=utf-8' } });
      return route.fulfill({ status: 404, body: '' });
    }
    if (host === 'api.bilibili.com') {
      log.api.push(url.href);
      if (url.pathname === '/x/player/wbi/v2') {
        const cid = Number(url.searchParams.get('cid'));
        return answer(route, options.subtitles?.player ?? LOGGED_OUT_PLAYER(cid));
      }
      return route.fulfill({ status: 404, body: '' });
    }
    if (host.endsWith('.hdslb.com')) {
      log.api.push(url.href);
      return answer(route, options.subtitles?.cues ?? 404);
    }
    log.offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  return log;
}
