/**
 * Issue 14: what the real site can do that our own answers never did — another video's track
 * under the right cid, WBI signing with the page's keys and Bilibili refusing it, an empty list
 * on the first call, uploader chapters — reproduced by the fixture site, with requests counted.
 */
import type { Page } from '@playwright/test';
import { activeLine, expect, gotoTalk, media, panel, test, type Harness } from './harness';
import { cueTrack, exportJson, foreignTrack, playerWithTrack } from './cues';
import { MEDIA_DURATION } from './site';

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
