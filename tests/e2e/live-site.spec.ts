/**
 * Issue 14: what the real site can do that our own answers never did — another video's track
 * under the right cid, WBI signing with the page's keys and Bilibili refusing it, an empty list
 * on the first call, uploader chapters — reproduced by the fixture site, with requests counted.
 */
import type { Page } from '@playwright/test';
import { activeLine, expect, fixture, gotoTalk, media, panel, TALK, test, type Harness } from './harness';
import { cueTrack, exportJson, foreignTrack, playerWithTrack, VIEW_POINTS } from './cues';
import { MEDIA_DURATION, STRICT_CSP, TALK_CIDS } from './site';

const sourceLabel = (page: Page) => panel(page).locator('[data-timing-source]');
const playerCalls = (h: Harness) => h.site.api.filter((u) => new URL(u).pathname === '/x/player/wbi/v2');
const cueCalls = (h: Harness) => h.site.api.filter((u) => new URL(u).hostname.endsWith('.hdslb.com'));
const warnings = (h: Harness) => h.consoleWarnings.filter((w) => w.includes('[companion]'));
const track = cueTrack(MEDIA_DURATION);
const KEYS = { imgKey: '7cd084941338484aae1ad9425b84077c', subKey: '4932caff0ff746eab6f01bf08b70ac45' };
const VOUCHER = { code: 0, message: '0', ttl: 1, data: { v_voucher: 'voucher_84a8c3ce-33f5-4551-9552-9c6b13aa7938' } };
const LOGGED_IN_EMPTY = { ...playerWithTrack(), data: { ...playerWithTrack().data, subtitle: { subtitles: [] } } };

/** The estimate's line at a few times: the highlight follows it, not a track. */
async function followsEstimate(page: Page): Promise<void> {
  const { segments } = exportJson((await media.state(page)).duration);
  for (const i of [40, 150, 260]) {
    await media.seek(page, segments[i]!.start + 0.5);
    await expect(activeLine(page)).toHaveAttribute('data-segment-id', segments[i]!.id);
  }
}

async function followsTrack(page: Page): Promise<void> {
  for (const i of [30, 160, 270]) {
    await media.seek(page, track.starts[i]! + 0.2);
    await expect(activeLine(page)).toHaveAttribute('data-segment-id', `s${String(i + 1).padStart(3, '0')}`);
  }
}

test.describe("another video's AI track under the right cid", () => {
  test.use({ siteOptions: { subtitles: { player: playerWithTrack(), cues: { body: foreignTrack(MEDIA_DURATION) } } } });
  test('is refused and not cached; the estimate stays; one warning says why', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect.poll(() => cueCalls(harness).length).toBe(1);
    await page.waitForTimeout(500);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'estimate');
    await followsEstimate(page);
    expect(warnings(harness)).toHaveLength(1);
    expect(warnings(harness)[0]).toMatch(/foreign-track/);
    // Not cached: the next load asks Bilibili again (and refuses again).
    await page.reload();
    await expect(panel(page)).toHaveCount(1);
    await expect.poll(() => cueCalls(harness).length).toBe(2);
    expect(playerCalls(harness)).toHaveLength(2);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'estimate');
  });
});

test.describe("another video's track named by its URL ({aid}{cid} of another video)", () => {
  const foreignUrl = '//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/11398079853941428321253033075f8d8849dc01?auth_key=1-2-0-3';
  test.use({ siteOptions: { subtitles: { player: playerWithTrack(undefined, foreignUrl), cues: { body: track.body } } } });
  test('is refused without fetching it', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect.poll(() => warnings(harness).length).toBe(1);
    expect(warnings(harness)[0]).toMatch(/foreign-track/);
    expect(cueCalls(harness)).toHaveLength(0);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'estimate');
  });
});

test.describe('with WBI keys in the page', () => {
  test.use({ siteOptions: { wbiKeys: KEYS, subtitles: { player: playerWithTrack(), cues: { body: track.body } } } });
  test('the player call is signed (w_rid, wts) with no extra request, and its track is used', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'subtitles');
    await followsTrack(page);
    expect(harness.site.signatures).toEqual([true]);
    expect(harness.site.api).toHaveLength(2);
    expect(warnings(harness)).toEqual([]);
  });
});

test.describe('with WBI keys in the page, and Bilibili refusing the signed call (v_voucher)', () => {
  test.use({ siteOptions: { wbiKeys: KEYS, subtitles: { signed: VOUCHER, player: playerWithTrack(), cues: { body: track.body } } } });
  test('asks once unsigned and uses that answer: two player calls, one warning', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'subtitles');
    const calls = playerCalls(harness);
    expect(calls).toHaveLength(2);
    expect(new URL(calls[0]!).searchParams.has('w_rid')).toBe(true);
    expect(new URL(calls[1]!).searchParams.has('w_rid')).toBe(false);
    expect(warnings(harness)).toHaveLength(1);
    expect(warnings(harness)[0]).toMatch(/signed player call refused/);
  });
});

test.describe('with WBI keys, signed and unsigned both refused (v_voucher, then 412)', () => {
  test.use({ siteOptions: { wbiKeys: KEYS, subtitles: { signed: VOUCHER, player: 412 } } });
  test('stops after two calls; the estimate stays; one warning', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect.poll(() => warnings(harness).length).toBe(1);
    await page.waitForTimeout(1000);
    expect(playerCalls(harness)).toHaveLength(2);
    expect(warnings(harness)).toHaveLength(1);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'estimate');
  });
});

test.describe('a v_voucher answer without keys', () => {
  test.use({ siteOptions: { subtitles: { player: VOUCHER } } });
  test('one call, one warning naming the voucher (not a wrong cid)', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect.poll(() => warnings(harness).length).toBe(1);
    expect(warnings(harness)[0]).toMatch(/\(voucher\)/);
    expect(playerCalls(harness)).toHaveLength(1);
  });
});

test.describe('logged in, the list empty on the first call', () => {
  test.use({ siteOptions: { subtitles: { players: [LOGGED_IN_EMPTY, playerWithTrack()], cues: { body: track.body } } } });
  test('one delayed retry gets the track', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'subtitles', { timeout: 10_000 });
    expect(playerCalls(harness)).toHaveLength(2);
    expect(warnings(harness)).toEqual([]);
  });
});

test.describe('logged out (login_mid 0, no subtitle object)', () => {
  const loggedOut = { code: 0, message: '0', data: { ...playerWithTrack().data, login_mid: 0, subtitle: undefined } };
  test.use({ siteOptions: { subtitles: { player: loggedOut } } });
  test('one call, no retry, no warning', async ({ page, harness }) => {
    await gotoTalk(page);
    await page.waitForTimeout(2500);
    expect(playerCalls(harness)).toHaveLength(1);
    expect(warnings(harness)).toEqual([]);
  });
});

/** Under the fixture's strict CSP: CSP violations seen by the page (none may come from the extension). */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
const readout = (page: Page) => panel(page).locator('[data-time-readout]');

/** The bridge runs: <bwp-video>'s time (page JS only) reaches the panel, and a click seeks it. */
async function bridgeReadsBwpTime(page: Page): Promise<void> {
  await media.seek(page, 600);
  await expect(readout(page)).toHaveText('10:00');
  await media.seek(page, 1234);
  await expect(readout(page)).toHaveText('20:34');
  await panel(page).locator('[data-segment-id="s020"]').click();
  await expect.poll(async () => (await media.state(page)).t).toBeLessThan(1000);
}

test.describe("under a strict CSP (script-src 'self' + the page's nonce), with <bwp-video>", () => {
  test.use({ siteOptions: { csp: STRICT_CSP } });
  test.beforeEach(async ({ page }) => {
    await fixture(page, { media: 'bwp' });
    await watchCsp(page);
  });
  test('loaded at the talk: the MAIN-world content script is the bridge (no file, no inline script)', async ({ page, harness }) => {
    const res = await page.goto(TALK);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    await expect(panel(page)).toHaveCount(1);
    await media.ready(page);
    await bridgeReadsBwpTime(page);
    // The bridge read the page state: the player call asked for P6's cid.
    expect(new URL(playerCalls(harness)[0]!).searchParams.get('cid')).toBe(String(TALK_CIDS[5]));
    expect(harness.site.extension).not.toContain('/bridge.js');
    expect(await page.evaluate(() => history.pushState.toString())).not.toContain('[native code]');
    expect(await cspViolations(page)).toEqual([]);
    expect(harness.consoleWarnings.filter((w) => /Content Security Policy|bridge unavailable/i.test(w))).toEqual([]);
    // The policy is enforced: an inline script (what the old Firefox bridge was) does not run.
    const inlineRan = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);
    expect(await cspViolations(page)).toEqual(['script-src-elem inline']);
  });
  test('reached by pushState from another video: bridge.js by src from the extension', async ({ page, harness }) => {
    await page.goto('https://www.bilibili.com/video/BV1xx411c7mD/');
    await page.waitForTimeout(300);
    await expect(panel(page)).toHaveCount(0);
    await page.evaluate(() => (window as unknown as { __fx: { openVideo(b: string, p: number): void } }).__fx.openVideo('BV1DS411w7hz', 6));
    await expect(panel(page)).toHaveCount(1);
    await media.ready(page);
    await bridgeReadsBwpTime(page);
    expect(harness.site.extension).toContain('/bridge.js');
    expect(await cspViolations(page)).toEqual([]);
    expect(harness.consoleWarnings.filter((w) => /Content Security Policy|bridge unavailable/i.test(w))).toEqual([]);
  });
});

test.describe('uploader chapters (view_points) served with a logged-out answer', () => {
  const LOGGED_OUT_WITH_CHAPTERS = {
    code: 0,
    message: '0',
    data: { ...playerWithTrack().data, login_mid: 0, need_login_subtitle: true, subtitle: { subtitles: [] }, view_points: VIEW_POINTS },
  };
  test.use({ siteOptions: { subtitles: { player: LOGGED_OUT_WITH_CHAPTERS } } });
  test('a second chapter source appears; picking it lists the uploader chapters (clamped, type 2 only), a click seeks, the choice is kept', async ({
    page,
    harness,
  }) => {
    await gotoTalk(page);
    await panel(page).getByRole('tab', { name: '章节' }).click();
    const source = panel(page).getByRole('group', { name: '章节来源' });
    await expect(source).toBeVisible();
    await expect(source.getByRole('button', { name: '伴读整理' })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel(page).locator('[data-chapter-id]')).toHaveCount(14);
    await source.getByRole('button', { name: 'UP主章节' }).click();
    const items = panel(page).locator('[data-uploader-chapter]');
    await expect(items).toHaveCount(3);
    await expect(items.locator('.chapter-title')).toHaveText(['扩散与自回归', 'Scaling Law 与评测', '观众提问']);
    await expect(items.nth(2).locator('.ts')).toHaveText('23:40');
    await items.nth(1).locator('.chapter-title').click();
    await expect.poll(async () => Math.abs((await media.state(page)).t - 610)).toBeLessThanOrEqual(0.05);
    await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
    // The choice is a setting: a reload shows the uploader's chapters again.
    await page.reload();
    await panel(page).getByRole('tab', { name: '章节' }).click();
    await expect(panel(page).locator('[data-uploader-chapter]')).toHaveCount(3);
    expect(playerCalls(harness).length).toBeLessThanOrEqual(2);
    expect(harness.pageErrors).toEqual([]);
  });
});
