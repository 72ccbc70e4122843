/**
 * Issue 7 soak: 100 in-page navigations among parts 1–6 and other videos, with 10 minutes of
 * playback compressed by playbackRate. Each time the talk is shown, the extension's panels,
 * observers, listeners and DOM nodes are what they were the first time. Heap growth is reported.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, extensionHandles, gotoTalk, hostCount, media, panel, test } from './harness';

type Fx = { __fx: { switchPart(p: number): void; openVideo(bvid: string, p?: number): void; media(): HTMLVideoElement } };

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Play at `rate` for `ms` of wall time; returns the media seconds actually played. */
async function playFor(page: Page, rate: number, ms: number): Promise<number> {
  const from = (await media.state(page)).t;
  await page.evaluate(async (r) => {
    const v = (window as unknown as Fx).__fx.media();
    v.playbackRate = r;
    await v.play();
  }, rate);
  await page.waitForTimeout(ms);
  await media.pause(page);
  return (await media.state(page)).t - from;
}

async function snapshot(page: Page) {
  const handles = await extensionHandles(page);
  return { ...handles, panels: await panel(page).count(), hosts: await hostCount(page) };
}

test('100 navigations and 10 minutes of playback leave nothing behind', async ({ page }) => {
  test.setTimeout(600_000);
  await gotoTalk(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.enable');
  const heapStart = await heapAfterGc(cdp);
  let heap0 = heapStart;
  const baseline = await snapshot(page);
  expect(baseline).toMatchObject({ panels: 1, hosts: 1 });

  const RATE = 16;
  let played = 0;
  const route = [1, 2, 6, 3, 6, 'other', 6, 4, 5, 6, 'other', 'other', 6, 1, 6];
  let talkVisits = 0;
  for (let n = 0; n < 100; n++) {
    const step = route[n % route.length]!;
    await page.evaluate((s) => {
      const fx = (window as unknown as Fx).__fx;
      if (s === 'other') fx.openVideo('BV1xx411c7mD');
      else if (location.pathname.includes('BV1DS411w7hz')) fx.switchPart(s as number);
      else fx.openVideo('BV1DS411w7hz', s as number);
    }, step);
    if (step === 6) {
      talkVisits++;
      await expect(panel(page)).toHaveCount(1);
      await media.ready(page);
      // Play a slice of the ten minutes at 16×.
      played += await playFor(page, RATE, 1500);
      expect(await snapshot(page), `talk visit ${talkVisits} (navigation ${n + 1})`).toEqual(baseline);
    } else {
      await expect(panel(page)).toHaveCount(0);
      await expect.poll(() => hostCount(page)).toBe(step === 'other' ? 0 : 1);
    }
    // The heap baseline is taken after one full round of the route: JIT code and caches warm up first.
    if (n === route.length - 1) heap0 = await heapAfterGc(cdp);
  }
  // Top up to ten minutes of media time.
  await page.evaluate(() => (window as unknown as Fx).__fx.switchPart(6));
  await expect(panel(page)).toHaveCount(1);
  await media.ready(page);
  if (played < 600) played += await playFor(page, RATE, ((600 - played) / RATE) * 1000 + 500);
  expect(played).toBeGreaterThanOrEqual(600);
  expect(await snapshot(page)).toEqual(baseline);
  const heap1 = await heapAfterGc(cdp);
  console.log(
    `soak: ${talkVisits + 1} talk visits, ${Math.round(played)} s of media played; heap after GC: start ${(heapStart / 1e6).toFixed(2)} MB, after the first round ${(heap0 / 1e6).toFixed(2)} MB, end ${(heap1 / 1e6).toFixed(2)} MB (${(((heap1 - heap0) / heap0) * 100).toFixed(1)}% over ${100 - route.length} navigations); handles ${JSON.stringify(baseline)}`,
  );
  // Within noise: one leaked panel per visit (305 lines, models, listeners) would add megabytes.
  expect(heap1 - heap0).toBeLessThan(1e6);
});
