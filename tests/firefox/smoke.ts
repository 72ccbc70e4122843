/**
 * Firefox smoke test of the built Firefox extension (.output/firefox-mv2) in Debian's
 * firefox-esr, over WebDriver BiDi: the talk page gets the panel (ES-module chunks loaded from
 * moz-extension URLs, the inline MAIN-world bridge), Bilibili's subtitle track times the lines,
 * a click seeks the video, on-demand parts (search, term popover, the hint on other parts) load,
 * and nothing goes off Bilibili. Run: npm run test:firefox.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cueTrack } from '../e2e/cues';
import { ensureMedia } from '../e2e/media';
import { FIXTURES, MEDIA, MEDIA_DURATION, pageHtml, TALK_CIDS } from '../e2e/site';
import { launchFirefox, type Bidi } from './bidi';

const EXTENSION = resolve('.output/firefox-mv2');
const TALK = 'https://www.bilibili.com/video/BV1DS411w7hz/?p=6';

type Header = { name: string; value: { type: 'string'; value: string } };
const header = (name: string, value: string): Header => ({ name, value: { type: 'string', value } });

interface Reply {
  status: number;
  headers: Header[];
  body: Buffer;
}

const api: string[] = [];
// A logged-in user's AI subtitle track (tests/e2e/sync.spec.ts serves the same to Chromium).
const CUES = cueTrack(MEDIA_DURATION);
const CUE_URL = '//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/fixture.json?auth_key=1700000000-abc-0-def';
const player = (cid: number) => ({
  code: 0,
  data: { cid, subtitle: { subtitles: [{ id: 1, lan: 'ai-zh', lan_doc: '中文（自动生成）', subtitle_url: CUE_URL }] } },
});

/** The fixture site (tests/e2e/site.ts serves the same to Chromium through Playwright). */
function reply(url: URL, range: string | undefined): Reply | null {
  const ok = (type: string, body: Buffer | string): Reply => ({
    status: 200,
    headers: [header('content-type', type)],
    body: Buffer.from(body),
  });
  if (url.hostname === 'www.bilibili.com') {
    if (url.pathname === '/__fixture/media.webm') {
      const size = statSync(MEDIA).size;
      const m = /bytes=(\d*)-(\d*)/.exec(range ?? '');
      if (!m)
        return {
          ...ok('video/webm', readFileSync(MEDIA)),
          headers: [header('content-type', 'video/webm'), header('accept-ranges', 'bytes')],
        };
      const start = m[1] ? Number(m[1]) : 0;
      const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      return {
        status: 206,
        headers: [
          header('content-type', 'video/webm'),
          header('accept-ranges', 'bytes'),
          header('content-range', `bytes ${start}-${end}/${size}`),
        ],
        body: readFileSync(MEDIA).subarray(start, end + 1),
      };
    }
    if (url.pathname.startsWith('/__fixture/')) {
      const file = join(FIXTURES, url.pathname.slice('/__fixture/'.length));
      return existsSync(file)
        ? ok(file.endsWith('.css') ? 'text/css' : 'text/javascript', readFileSync(file))
        : { status: 404, headers: [], body: Buffer.alloc(0) };
    }
    if (url.pathname.startsWith('/video/')) return ok('text/html; charset=utf-8', pageHtml(url));
    return { status: 404, headers: [], body: Buffer.alloc(0) };
  }
  if (url.hostname === 'api.bilibili.com' && url.pathname === '/x/player/wbi/v2') {
    api.push(url.href);
    const r = ok('application/json', JSON.stringify(player(Number(url.searchParams.get('cid')))));
    r.headers.push(header('access-control-allow-origin', 'https://www.bilibili.com'), header('access-control-allow-credentials', 'true'));
    return r;
  }
  if (url.hostname === 'aisubtitle.hdslb.com') {
    api.push(url.href);
    const r = ok('application/json', JSON.stringify({ body: CUES.body }));
    r.headers.push(header('access-control-allow-origin', '*'));
    return r;
  }
  return null;
}

/** Runs in the page: finds an element in the document or any open shadow root. */
const DEEP = `(sel) => {
  const q = (root) => { const hit = root.querySelector(sel); if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const h = q(el.shadowRoot); if (h) return h; } return null; };
  return q(document);
}`;

async function evaluate<T>(bidi: Bidi, context: string, body: string): Promise<T> {
  const r = await bidi.send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>(
    'script.evaluate',
    { expression: `(async () => { const deep = ${DEEP}; ${body} })()`, target: { context }, awaitPromise: true, resultOwnership: 'none' },
  );
  if (r.type === 'exception') throw new Error(`page: ${r.exceptionDetails?.text}`);
  return JSON.parse((r.result?.value as string | undefined) ?? 'null') as T;
}

async function until<T>(what: string, probe: () => Promise<T | null | false | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('build it first: npm run build:firefox');
  ensureMedia();
  const bidi = await launchFirefox();
  const offsite: string[] = [];
  const errors: string[] = [];
  const checks: string[] = [];
  const pass = (what: string): void => void checks.push(what);
  try {
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION } });
    await bidi.send('session.subscribe', { events: ['network.beforeRequestSent', 'log.entryAdded'] });
    bidi.on('log.entryAdded', (p) => {
      const text = String(p.text ?? '');
      if (p.level === 'error' || /\[companion\]/.test(text)) errors.push(`${String(p.level)}: ${text}`);
    });
    await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
    bidi.on('network.beforeRequestSent', (p) => {
      if (!p.isBlocked) return;
      const req = p.request as { request: string; url: string; headers: { name: string; value: { value: string } }[] };
      const url = new URL(req.url);
      if (!/^https?:$/.test(url.protocol))
        return void bidi.send('network.continueRequest', { request: req.request }).catch(() => undefined);
      const range = req.headers.find((h) => h.name.toLowerCase() === 'range')?.value.value;
      const r = reply(url, range);
      if (!r) {
        offsite.push(req.url);
        return void bidi.send('network.failRequest', { request: req.request }).catch(() => undefined);
      }
      void bidi
        .send('network.provideResponse', {
          request: req.request,
          statusCode: r.status,
          reasonPhrase: r.status === 206 ? 'Partial Content' : r.status === 200 ? 'OK' : 'Not Found',
          headers: [...r.headers, header('content-length', String(r.body.length))],
          body: { type: 'base64', value: r.body.toString('base64') },
        })
        .catch((e: unknown) => errors.push(`provideResponse ${req.url}: ${String(e)}`));
    });
    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree');
    const context = tree.contexts[0]!.context;
    await bidi.send('browsingContext.navigate', { context, url: TALK, wait: 'complete' });

    const lines = await until('the panel with its lines', () =>
      evaluate<number>(
        bidi,
        context,
        `const p = deep('[role="complementary"]'); return JSON.stringify(p ? p.querySelectorAll('[data-segment-id]').length : 0);`,
      ),
    );
    if (lines !== 305) throw new Error(`panel shows ${lines} lines, not 305`);
    pass('panel on the talk page: 305 lines');

    // The bridge's page state (cid) reached the panel: it asked for this part's track as the page
    // (the interceptor sees only page requests), fetched the cues and aligned the lines to them.
    const source = await until('timing from the subtitle track', () =>
      evaluate<string>(
        bidi,
        context,
        `const s = deep('[data-timing-source]'); return JSON.stringify(s && s.dataset.timingSource === 'subtitles' && 'subtitles');`,
      ),
    );
    const asked = api.filter((u) => new URL(u).searchParams.get('cid') === String(TALK_CIDS[5]));
    if (asked.length !== 1 || api.length !== 2) throw new Error(`subtitle requests: ${api.join(', ') || 'none'}`);
    pass(`subtitles: P6's track (cid ${TALK_CIDS[5]}) fetched as the page, lines timed by it (${source})`);

    await until('the player is found', () =>
      evaluate<boolean>(
        bidi,
        context,
        `return JSON.stringify(!!deep('[data-tab="search"]') && document.querySelector('video').readyState >= 1);`,
      ),
    );
    const start = await evaluate<number>(
      bidi,
      context,
      `deep('[data-segment-id="s100"] p').click(); await new Promise((r) => setTimeout(r, 300)); return JSON.stringify(document.querySelector('video').currentTime);`,
    );
    const current = await until('the clicked line becomes current', () =>
      evaluate<string>(
        bidi,
        context,
        `const a = deep('[data-segment-id][aria-current="true"]'); return JSON.stringify(a && a.dataset.segmentId);`,
      ),
    );
    if (!(start > 0) || current !== 's100') throw new Error(`click on s100: video at ${start}, current ${current}`);
    pass(`click a line seeks the video (s100 → ${start.toFixed(2)} s, highlighted)`);

    await evaluate(bidi, context, `deep('[data-tab="search"]').click(); return 'null';`);
    await until('the search part loads', () => evaluate<boolean>(bidi, context, `return JSON.stringify(!!deep('input[type="search"]'));`));
    const results = await until('search results for Mamba', () =>
      evaluate<number>(
        bidi,
        context,
        `const i = deep('input[type="search"]'); if (i.value !== 'Mamba') { i.value = 'Mamba'; i.dispatchEvent(new Event('input', { bubbles: true })); }
         await new Promise((r) => setTimeout(r, 100)); const l = deep('.results'); return JSON.stringify(l ? l.querySelectorAll('button').length : 0);`,
      ),
    );
    pass(`search (on-demand chunk) finds Mamba: ${results} results`);

    await evaluate(bidi, context, `deep('[data-tab="transcript"]').click(); deep('[data-term-id="mamba"]').click(); return 'null';`);
    const dialog = await until('the term popover', () =>
      evaluate<string>(bidi, context, `const d = deep('[role="dialog"]'); return JSON.stringify(d && d.textContent);`),
    );
    if (!/Mamba/.test(dialog)) throw new Error(`popover says: ${dialog}`);
    pass('term popover (on-demand chunk) explains Mamba');

    const bridged = await evaluate<boolean>(
      bidi,
      context,
      `return JSON.stringify(history.pushState.toString().includes('[native code]') === false);`,
    );
    if (!bridged) throw new Error('the MAIN-world bridge did not run (history.pushState is not wrapped)');
    pass('MAIN-world bridge injected inline (MV2) and running');

    // Another part of the talk: no panel, the hint (its own chunk and strings) pointing to P6.
    await bidi.send('browsingContext.navigate', { context, url: TALK.replace('p=6', 'p=5'), wait: 'complete' });
    const hint = await until('the hint on P5', () =>
      evaluate<string>(
        bidi,
        context,
        `const h = deep('.hint a'); return JSON.stringify(!deep('[role="complementary"]') && h && h.getAttribute('href'));`,
      ),
    );
    if (!/p=6/.test(hint)) throw new Error(`hint links to ${hint}`);
    pass(`P5 shows the hint (on-demand chunk) linking to ${hint}`);

    if (offsite.length) throw new Error(`requests off Bilibili: ${offsite.join(', ')}`);
    pass('no request off bilibili.com');
    if (errors.length) throw new Error(`console:\n${errors.join('\n')}`);
    // (BiDi reports the page's console; the content script's own console is not visible here.)
    pass("no errors or companion warnings in the page's console");
  } finally {
    await bidi.close();
  }
  for (const c of checks) console.log(`  ✓ ${c}`);
  console.log(`firefox-esr: ${checks.length} checks passed`);
}

main().catch((err: unknown) => {
  console.error(`firefox smoke test failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
