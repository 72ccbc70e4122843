/**
 * Issue 13: listen to align in Chromium. The fixture video carries synthetic Mandarin speech
 * (espeak-ng, made at test time: the talk's first ~150 s, then silence to the page's 40 minutes)
 * with the true segment starts beside it. Off (the default), nothing is captured; on, after the
 * user clicks "listen" and the video plays, the highlighted line is the true one at probe times.
 */
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { ensureSpeechVideo } from '../../scripts/synth/video';
import { activeLine, expect, fixture, gotoTalk, media, panel, test } from './harness';
import { openPopup } from './browser';

const SPEECH = { seed: 1, excerpt: 150, length: 2400 };
let mediaUrl = '';
let truth: (number | null)[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const made = await ensureSpeechVideo(SPEECH);
  mediaUrl = `/__fixture/media/${basename(made.path)}`;
  truth = made.truth.starts;
});

const audioContexts = (page: Page) => page.evaluate(() => performance.getEntriesByName('companion:audio-context').length);
const sound = (page: Page) =>
  page.evaluate(() => {
    const m = window.__fx.media()!;
    return { muted: m.muted, volume: m.volume, rate: m.playbackRate };
  });

test('off by default: no control, no capture, no AudioContext, the sound untouched', async ({ page }) => {
  await fixture(page, { mediaUrl });
  await gotoTalk(page);
  const before = await sound(page);
  await media.play(page);
  await page.waitForTimeout(3000);
  await media.pause(page);
  await expect(panel(page).locator('button.listen')).toHaveCount(0);
  expect(await audioContexts(page)).toBe(0);
  expect(await sound(page)).toEqual(before);
  await expect(panel(page).locator('[data-timing-source]')).toHaveAttribute('data-timing-source', 'estimate');
});

test('on: after the user clicks listen and the spoken excerpt (~150 s) plays, the highlighted line is the true one; playback and sound unchanged', async ({
  page,
  harness,
}) => {
  test.setTimeout(300_000);
  const popup = await openPopup(harness.context, harness.extensionId);
  await popup.locator('input[name="listenToAlign"]').check();
  await expect
    .poll(() =>
      popup.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } };
        return ((await chrome.storage.sync.get('settings')).settings as { listenToAlign?: boolean } | undefined)?.listenToAlign;
      }),
    )
    .toBe(true);
  await fixture(page, { mediaUrl });
  await gotoTalk(page);
  const before = await sound(page);
  const listen = panel(page).locator('button.listen');
  await expect(listen).toBeVisible();
  // Nothing is created before the click (a user gesture).
  expect(await audioContexts(page)).toBe(0);
  await listen.click();
  await expect(listen).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => audioContexts(page)).toBe(1);
  const t0 = Date.now();
  await media.play(page);
  // The aligner needs about two and a half minutes of this talk before its gates let anchors through.
  await expect(panel(page).locator('[data-timing-source]')).toHaveAttribute('data-timing-source', 'audio', { timeout: 200_000 });
  const played = (await media.state(page)).t;
  const wall = (Date.now() - t0) / 1000;
  // Playback ran at its own pace while we listened.
  expect(played).toBeGreaterThan(wall * 0.8);
  expect(await sound(page)).toEqual(before);
  await listen.click();
  await expect(panel(page).locator('.listen-status')).toContainText('依据音频对齐');
  await media.pause(page);
  // Probe mid-line in what was heard: the highlight is the true line.
  const heard = truth.flatMap((s, i) => (s !== null && truth[i + 1] != null && truth[i + 1]! < played - 2 ? [i] : []));
  expect(heard.length).toBeGreaterThan(5);
  // Probe the middle of the three longest lines heard: a probe tests the alignment, not how
  // close to a boundary it happens to fall (p90 error here is ~0.2–0.3 s, max a few seconds).
  const probes = [...heard].sort((a, b) => truth[b + 1]! - truth[b]! - (truth[a + 1]! - truth[a]!)).slice(0, 3);
  if (process.env.LISTEN_DEBUG) {
    for (const i of heard) {
      await media.seek(page, (truth[i]! + truth[i + 1]!) / 2);
      await page.waitForTimeout(150);
      console.log(i + 1, truth[i]!.toFixed(2), truth[i + 1]!.toFixed(2), await activeLine(page).getAttribute('data-segment-id'));
    }
  }
  for (const i of probes) {
    await media.seek(page, (truth[i]! + truth[i + 1]!) / 2);
    await expect(activeLine(page)).toHaveAttribute('data-segment-id', `s${String(i + 1).padStart(3, '0')}`);
  }
  // Persisted per part: a reload is aligned from audio before anything is heard again.
  await page.reload();
  await media.ready(page);
  await expect(panel(page).locator('[data-timing-source]')).toHaveAttribute('data-timing-source', 'audio');
  expect(await audioContexts(page)).toBe(0);
  expect(harness.pageErrors).toEqual([]);
});
