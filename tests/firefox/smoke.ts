/**
 * Firefox smoke test of the built Firefox extension (.output/firefox-mv2) in Debian's
 * firefox-esr, over WebDriver BiDi, every page served with a strict CSP (script-src 'self' + a
 * nonce): the talk page gets the panel (ES-module chunks loaded from moz-extension URLs, the
 * MAIN-world bridge), Bilibili's subtitle track times the lines, a click seeks the video,
 * on-demand parts (search, term popover, the hint on other parts) load, a <bwp-video>'s time is
 * read through the bridge — the manifest's MAIN-world script at load, bridge.js by src after a
 * pushState arrival — no CSP violation, and nothing goes off Bilibili. Run: npm run test:firefox.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cueTrack, playerWithTrack, VIEW_POINTS } from '../e2e/cues';
import { ensureMedia } from '../e2e/media';
import { MEDIA_DURATION, siteReply, STRICT_CSP, TALK_CIDS, type SiteLog, type SiteOptions } from '../e2e/site';
import { launchFirefox, type Bidi } from './bidi';
import { talkUrl } from '../../bilibili/route';

const EXTENSION = resolve('.output/firefox-mv2');
const TALK = talkUrl();

// A logged-in user's AI subtitle track, served as in tests/e2e/sync.spec.ts.
const CUES = cueTrack(MEDIA_DURATION);
// The page keeps WBI keys in its localStorage, as Bilibili's scripts do: the player call is signed.
const WBI_KEYS = { imgKey: '7cd084941338484aae1ad9425b84077c', subKey: '4932caff0ff746eab6f01bf08b70ac45' };
const SITE: SiteOptions = {
  csp: STRICT_CSP,
  wbiKeys: WBI_KEYS,
  subtitles: { player: playerWithTrack(undefined, undefined, { view_points: VIEW_POINTS }), cues: { body: CUES.body } },
};

type Header = { name: string; value: { type: 'string'; value: string } };

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
  const site: SiteLog = { offsite: [], api: [], extension: [], signatures: [] };
  const errors: string[] = [];
  const checks: string[] = [];
  const pass = (what: string): void => void checks.push(what);
  try {
    const installed = await bidi
      .send<{ extension?: string }>('webExtension.install', { extensionData: { type: 'path', path: EXTENSION } })
      .catch((err: unknown) => {
        throw new Error(`Firefox did not install the extension from ${EXTENSION}: ${err instanceof Error ? err.message : String(err)}`);
      });
    if (!installed.extension) throw new Error(`Firefox did not report an id for the extension from ${EXTENSION}`);
    await bidi.send('session.subscribe', { events: ['network.beforeRequestSent', 'log.entryAdded'] });
    bidi.on('log.entryAdded', (p) => {
      const text = String(p.text ?? '');
      if (p.level === 'error' || /\[companion\]/.test(text)) errors.push(`${String(p.level)}: ${text}`);
    });
    await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
    bidi.on('network.beforeRequestSent', (p) => {
      if (!p.isBlocked) return;
      const req = p.request as { request: string; url: string; headers: { name: string; value: { value: string } }[] };
      const range = req.headers.find((h) => h.name.toLowerCase() === 'range')?.value.value;
      const answer = siteReply(new URL(req.url), range, SITE, site);
      const request = { request: req.request };
      if (answer === 'pass') return void bidi.send('network.continueRequest', request).catch(() => undefined);
      if (answer === 'network' || answer === 'offsite') return void bidi.send('network.failRequest', request).catch(() => undefined);
      const headers: Header[] = Object.entries(answer.headers).map(([name, value]) => ({ name, value: { type: 'string', value } }));
      if (!answer.headers['content-length'])
        headers.push({ name: 'content-length', value: { type: 'string', value: String(answer.body.length) } });
      void bidi
        .send('network.provideResponse', {
          ...request,
          statusCode: answer.status,
          reasonPhrase: answer.status === 206 ? 'Partial Content' : answer.status === 200 ? 'OK' : 'Not Found',
          headers,
          body: { type: 'base64', value: answer.body.toString('base64') },
        })
        .catch((e: unknown) => errors.push(`provideResponse ${req.url}: ${String(e)}`));
    });
    // A tab of our own, by the id Firefox returns: not "the first context" of the tree.
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
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

    // Listen to align is not offered in Firefox: components/runtime/audio-align.ts knows it by
    // mozCaptureStream (whose capture reroutes the element's sound). If that property goes, the
    // choice would silently flip: fail so it is revisited.
    const capture = await evaluate<{ standard: string; moz: string }>(
      bidi,
      context,
      `const p = HTMLMediaElement.prototype; return JSON.stringify({ standard: typeof p.captureStream, moz: typeof p.mozCaptureStream });`,
    );
    if (capture.moz !== 'function')
      throw new Error(`Firefox's media capture changed (${JSON.stringify(capture)}): revisit listen to align in Firefox`);
    pass(`listen to align: not offered (mozCaptureStream present; unprefixed captureStream: ${capture.standard})`);

    // The bridge's page state (cid) reached the panel: it asked for this part's track as the page
    // (the interceptor sees only page requests), fetched the cues and aligned the lines to them.
    const source = await until('timing from the subtitle track', () =>
      evaluate<string>(
        bidi,
        context,
        `const s = deep('[data-timing-source]'); return JSON.stringify(s && s.dataset.timingSource === 'subtitles' && 'subtitles');`,
      ),
    );
    const asked = site.api.filter((u) => new URL(u).searchParams.get('cid') === String(TALK_CIDS[5]));
    if (asked.length !== 1 || site.api.length !== 2) throw new Error(`subtitle requests: ${site.api.join(', ') || 'none'}`);
    if (site.signatures.join() !== 'true') throw new Error(`player call signatures: ${site.signatures.join() || 'unsigned'}`);
    pass(`subtitles: P6's track (cid ${TALK_CIDS[5]}) fetched as the page, WBI-signed with the page's keys, lines timed by it (${source})`);

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
    // The track puts s100 (index 99) at a known time; the aligned start lands within a second of it.
    const expected = CUES.starts[99]!;
    if (Math.abs(start - expected) > 1 || current !== 's100')
      throw new Error(`click on s100: video at ${start} (track: ${expected}), current ${current}`);
    pass(`click a line seeks to its aligned start (s100 → ${start.toFixed(2)} s; track ${expected.toFixed(2)} s), highlighted`);

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

    // Uploader chapters (view_points served with the player answer): a second source in the chapters tab.
    await evaluate(bidi, context, `deep('[data-tab="chapters"]').click(); return 'null';`);
    await until('the chapter source switch', () =>
      evaluate<boolean>(bidi, context, `return JSON.stringify(!!deep('[data-source="uploader"]'));`),
    );
    const upTitles = await until('the uploader chapters', () =>
      evaluate<string[]>(
        bidi,
        context,
        `deep('button[data-source="uploader"]').click(); await new Promise((r) => setTimeout(r, 200));
         const items = [...(deep('ol[data-source="uploader"]')?.querySelectorAll('.chapter-title') ?? [])];
         return JSON.stringify(items.length ? items.map((e) => e.textContent) : null);`,
      ),
    );
    if (upTitles.join('|') !== '扩散与自回归|Scaling Law 与评测|观众提问') throw new Error(`uploader chapters: ${upTitles.join('|')}`);
    const upSeek = await evaluate<number>(
      bidi,
      context,
      `deep('[data-uploader-chapter="1"] .chapter-title').click(); await new Promise((r) => setTimeout(r, 400)); return JSON.stringify(document.querySelector('video').currentTime);`,
    );
    if (Math.abs(upSeek - 610) > 0.05) throw new Error(`uploader chapter 2 seeked to ${upSeek}, not 610`);
    // Back to the companion's chapters (the choice is a stored setting).
    await evaluate(bidi, context, `deep('button[data-source="talk"]').click(); return 'null';`);
    pass(`uploader chapters (view_points): ${upTitles.length} listed as a second source, a click seeks to ${upSeek.toFixed(2)} s`);

    const bridged = await evaluate<boolean>(
      bidi,
      context,
      `return JSON.stringify(history.pushState.toString().includes('[native code]') === false);`,
    );
    if (!bridged) throw new Error('the MAIN-world bridge did not run (history.pushState is not wrapped)');
    pass("MAIN-world bridge running under the page's strict CSP (manifest MAIN-world content script)");

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

    // <bwp-video> (its time lives in page JS only), and a record of CSP violations, before page scripts.
    await bidi.send('script.addPreloadScript', {
      functionDeclaration: `() => { window.__FX = { media: 'bwp' }; window.__csp = []; window.__scripts = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes)
          if (n.nodeName === 'SCRIPT' && /^moz-extension:/.test(n.src)) window.__scripts.push(new URL(n.src).pathname); })
          .observe(document, { childList: true, subtree: true }); }`,
    });
    const BWP_TIME = `const m = window.__fx.media(); await new Promise((r) => { m.addEventListener('seeked', r, { once: true }); m.currentTime = T; });
      await new Promise((r) => setTimeout(r, 400)); const t = deep('[data-time-readout]'); return JSON.stringify(m.tagName + ' ' + (t && t.textContent));`;
    const bwpTime = async (where: string): Promise<string[]> => {
      await until(`${where}: the panel and a <bwp-video> with a duration`, () =>
        evaluate<boolean>(bidi, context, `return JSON.stringify(!!deep('[role="complementary"]') && window.__fx.media().duration > 0);`),
      );
      for (const [t, shown] of [
        [600, '10:00'],
        [1234, '20:34'],
      ] as const) {
        const seen = await until(`${where}: the readout shows ${shown}`, async () => {
          const r = await evaluate<string>(bidi, context, BWP_TIME.replace('= T;', `= ${t};`));
          return r === `BWP-VIDEO ${shown}` && r;
        });
        if (!seen) throw new Error(`${where}: readout`);
      }
      const violations = await evaluate<string[]>(bidi, context, 'return JSON.stringify(window.__csp);');
      if (violations.length) throw new Error(`${where}: CSP violations: ${violations.join(', ')}`);
      // Extension scripts the page got as <script> elements.
      return evaluate<string[]>(bidi, context, 'return JSON.stringify(window.__scripts);');
    };
    await bidi.send('browsingContext.navigate', { context, url: TALK, wait: 'complete' });
    const atLoad = await bwpTime('talk loaded');
    if (atLoad.length) throw new Error(`at load the bridge is the manifest's MAIN-world script, yet the page got ${atLoad.join(', ')}`);
    pass("<bwp-video> time read through the manifest's MAIN-world bridge at load (no script element), strict CSP, no violation");
    await bidi.send('browsingContext.navigate', { context, url: 'https://www.bilibili.com/video/BV1xx411c7mD/', wait: 'complete' });
    await evaluate(bidi, context, `window.__fx.openVideo('BV1DS411w7hz', 6); return 'null';`);
    const arrived = await bwpTime('talk reached by pushState');
    if (arrived.join() !== '/bridge.js')
      throw new Error(`after pushState the page should get bridge.js by src, got ${arrived.join(', ') || 'nothing'}`);
    pass('<bwp-video> time read through bridge.js (by src, moz-extension) after a pushState arrival, strict CSP, no violation');

    if (site.offsite.length) throw new Error(`requests off Bilibili: ${site.offsite.join(', ')}`);
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
