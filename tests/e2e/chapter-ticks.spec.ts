/**
 * Issue 14 item 7: chapter ticks over the player's progress bar — an overlay outside Bilibili's
 * DOM, opt-in in the popup, at start / duration of the bar's width, never in the way of a click,
 * following the bar's geometry and hidden when it cannot be trusted.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chapterTicks } from '../../lib/chapter-ticks';
import { DIST, openPopup } from './browser';
import { playerWithTrack, VIEW_POINTS } from './cues';
import { expect, fixture, gotoTalk, media, panel, test, type Harness } from './harness';

const TICKS_CHUNK = readdirSync(join(DIST, 'panel-chunks')).find((f) => f.startsWith('chapter-ticks-'));
const ticksFetched = (harness: Harness): boolean => harness.site.extension.includes(`/panel-chunks/${TICKS_CHUNK}`);

/**
 * Switch the setting in the popup (a tab of its own, left open) and bring the talk's tab back to
 * the front: a background tab gets no animation frames, and the ticks are measured in one.
 */
async function setTicks(page: Page, harness: Harness, on: boolean): Promise<Page> {
  const popup = await openPopup(page.context(), harness.extensionId);
  const box = popup.locator('input[name="chapterTicks"]');
  if ((await box.isChecked()) !== on) await box.click();
  await expect(box).toBeChecked({ checked: on });
  await page.bringToFront();
  return popup;
}

interface Seen {
  /** Where the ticks host sits. */
  parent: string | null;
  bar: { left: number; top: number; width: number; height: number } | null;
  ticks: { t: number; x: number; y: number }[];
}

/** The ticks as drawn (viewport px, centre of each) and the page's bar. */
const seen = (page: Page): Promise<Seen> =>
  page.evaluate(() => {
    const host = [...document.querySelectorAll<HTMLElement>('[data-layer="ticks"]')].find((e) => /^talk-companion-ticks-/i.test(e.tagName));
    const r = document.querySelector('.bpx-player-progress')?.getBoundingClientRect();
    const ticks = [...(host?.shadowRoot?.querySelectorAll<HTMLElement>('i[data-t]') ?? [])].map((i) => {
      const b = i.getBoundingClientRect();
      return { t: Number(i.dataset.t), x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    return {
      parent: host?.parentElement?.tagName.toLowerCase() ?? null,
      bar: r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null,
      ticks,
    };
  });

/** Every tick at bar.left + t / duration × bar.width (±2 px), vertically on the bar. */
function expectOnBar(s: Seen, duration: number): void {
  expect(s.bar).not.toBeNull();
  const bar = s.bar!;
  for (const k of s.ticks) {
    expect(Math.abs(k.x - (bar.left + (k.t / duration) * bar.width)), `tick at ${k.t} s`).toBeLessThanOrEqual(2);
    expect(Math.abs(k.y - (bar.top + bar.height / 2)), `tick at ${k.t} s, vertically`).toBeLessThanOrEqual(2);
  }
}

/** The companion's chapter starts as the chapters tab shows them (m:ss, seconds). */
async function chapterClock(page: Page): Promise<number[]> {
  await panel(page).getByRole('tab', { name: '章节' }).click();
  await expect(panel(page).locator('[data-chapter-id]')).toHaveCount(14);
  const texts = await panel(page).locator('[data-chapter-id] .ts').allTextContents();
  return texts.map((s) => s.split(':').reduce((acc, n) => acc * 60 + Number(n), 0));
}

const ours = (page: Page, selector: string): Promise<number> =>
  page.evaluate(
    (sel) => [...(document.querySelector(sel)?.querySelectorAll('*') ?? [])].filter((e) => /^talk-companion-/i.test(e.tagName)).length,
    selector,
  );

test('off by default: no ticks and their code is never fetched', async ({ page, harness }) => {
  await gotoTalk(page);
  const popup = await openPopup(page.context(), harness.extensionId);
  await expect(popup.locator('input[name="chapterTicks"]')).not.toBeChecked();
  await expect(panel(page).locator('[data-segment-id]').first()).toBeVisible();
  await page.waitForTimeout(500);
  expect((await seen(page)).parent).toBeNull();
  expect(TICKS_CHUNK, 'a chapter-ticks chunk in the build').toBeTruthy();
  expect(ticksFetched(harness)).toBe(false);
});

test('on: a tick per companion chapter at start / duration of the bar, outside the player; clicks reach the bar; off removes them live', async ({
  page,
  harness,
}) => {
  await gotoTalk(page);
  const { duration } = await media.state(page);
  const starts = await chapterClock(page);
  expect(starts).toHaveLength(14);
  const popup = await setTicks(page, harness, true);

  await expect.poll(async () => (await seen(page)).ticks.length).toBeGreaterThan(0);
  const s = await seen(page);
  expect(ticksFetched(harness)).toBe(true);
  expect(s.parent, 'the host sits at the end of <html>').toBe('html');
  expectOnBar(s, duration);
  // One per chapter that lands on the bar: not the first (it starts at the start), nor the last
  // here (4 s before the end of the fixture's 2400 s: within a pixel of the bar's end).
  const onBar = chapterTicks(starts, duration, s.bar!.width).map((k) => k.t);
  expect(onBar).toEqual(starts.slice(1, -1));
  expect(s.ticks).toHaveLength(onBar.length);
  s.ticks.forEach((k, i) => expect(Math.abs(Math.floor(k.t) - onBar[i]!), `tick ${i} vs the chapters tab`).toBeLessThanOrEqual(1));
  // Nothing of ours inside Bilibili's player, and the host is aria-hidden.
  expect(await ours(page, '#bilibili-player')).toBe(0);
  await expect(page.locator('[data-layer="ticks"]')).toHaveAttribute('aria-hidden', 'true');

  // What is under a tick is the page's bar, and a click there reaches it and seeks.
  const tick = s.ticks[4]!;
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.className, [tick.x, tick.y])).toBe('bpx-player-progress');
  await page.mouse.move(tick.x, tick.y);
  await page.mouse.click(tick.x, tick.y);
  const clicks = await page.evaluate(() => window.__fxBarClicks);
  expect(clicks).toHaveLength(1);
  expect(Math.abs(clicks[0]!.x - tick.x)).toBeLessThanOrEqual(1);
  await expect.poll(async () => Math.abs((await media.state(page)).t - tick.t)).toBeLessThanOrEqual((2 * duration) / s.bar!.width + 0.5);

  // Off in the popup: gone, without a reload; on again: back.
  await popup.locator('input[name="chapterTicks"]').click();
  await expect.poll(async () => (await seen(page)).parent).toBeNull();
  await popup.locator('input[name="chapterTicks"]').click();
  await expect.poll(async () => (await seen(page)).ticks.length).toBe(onBar.length);
});

test('the ticks follow the bar: wide mode, window resize, web fullscreen; hidden in fullscreen and while the controls are hidden', async ({
  page,
  harness,
}) => {
  await setTicks(page, harness, true);
  await gotoTalk(page);
  const { duration } = await media.state(page);
  await expect.poll(async () => (await seen(page)).ticks.length).toBeGreaterThan(10);
  const normal = await seen(page);
  expectOnBar(normal, duration);
  const count = normal.ticks.length;

  const settled = async (check: (s: Seen) => boolean): Promise<Seen> => {
    await expect.poll(async () => check(await seen(page))).toBe(true);
    const s = await seen(page);
    expectOnBar(s, duration);
    return s;
  };
  const movedWith = (s: Seen): boolean =>
    !!s.bar &&
    s.ticks.length === count &&
    s.ticks.every(
      (k) => Math.abs(k.x - (s.bar!.left + (k.t / duration) * s.bar!.width)) <= 2 && Math.abs(k.y - (s.bar!.top + s.bar!.height / 2)) <= 2,
    );

  await page.evaluate(() => window.__fx.setScreen('wide'));
  const wide = await settled((s) => movedWith(s) && s.bar!.width > normal.bar!.width + 50);
  expect(await ours(page, '#bilibili-player')).toBe(0);

  await page.evaluate(() => window.__fx.setScreen('normal'));
  await page.setViewportSize({ width: 1100, height: 560 });
  await settled((s) => movedWith(s) && s.bar!.width < wide.bar!.width - 50);

  // Scrolled: the bar moves up the viewport and the ticks with it.
  const before = await seen(page);
  const scrolled = await page.evaluate(() => (window.scrollBy(0, 120), window.scrollY));
  expect(scrolled).toBeGreaterThan(50);
  await settled((s) => movedWith(s) && Math.abs(s.bar!.top - (before.bar!.top - scrolled)) < 1);
  await page.evaluate(() => window.scrollTo(0, 0));

  await page.evaluate(() => window.__fx.setScreen('web'));
  await settled((s) => movedWith(s) && s.bar!.top > 500);

  // True fullscreen: outside the fullscreen element nothing shows, so nothing is drawn.
  await page.evaluate(() => window.__fx.setScreen('full'));
  await expect.poll(async () => (await seen(page)).ticks.length).toBe(0);
  await page.evaluate(() => window.__fx.setScreen('normal'));
  await settled(movedWith);

  // Bilibili hides its controls when idle: the ticks go with them, and come back.
  await page.evaluate(() => window.__fx.hideControls(true));
  await expect.poll(async () => (await seen(page)).ticks.length).toBe(0);
  await page.evaluate(() => window.__fx.hideControls(false));
  await settled(movedWith);
});

test.describe('with the uploader chapters picked', () => {
  const LOGGED_OUT_WITH_CHAPTERS = {
    code: 0,
    message: '0',
    data: { ...playerWithTrack().data, login_mid: 0, need_login_subtitle: true, subtitle: { subtitles: [] }, view_points: VIEW_POINTS },
  };
  test.use({ siteOptions: { subtitles: { player: LOGGED_OUT_WITH_CHAPTERS } } });
  test('the ticks are the chapters the chapters tab shows, switched live', async ({ page, harness }) => {
    await setTicks(page, harness, true);
    await gotoTalk(page);
    const { duration } = await media.state(page);
    await expect.poll(async () => (await seen(page)).ticks.length).toBeGreaterThan(10);
    await panel(page).getByRole('tab', { name: '章节' }).click();
    await panel(page).getByRole('group', { name: '章节来源' }).getByRole('button', { name: 'UP主章节' }).click();
    // 0 is the bar's start (no tick); the highlight (type 1) is not a chapter.
    await expect.poll(async () => (await seen(page)).ticks.map((k) => k.t)).toEqual([610, 1420]);
    expectOnBar(await seen(page), duration);
    await panel(page).getByRole('group', { name: '章节来源' }).getByRole('button', { name: '伴读整理' }).click();
    await expect.poll(async () => (await seen(page)).ticks.length).toBeGreaterThan(10);
  });
});

test.describe('without a progress bar at first', () => {
  test.beforeEach(({ page }) => fixture(page, { progress: 'none' }));
  test('no bar: the ticks code is not even fetched; once Bilibili adds the bar, the ticks come', async ({ page, harness }) => {
    await setTicks(page, harness, true);
    await gotoTalk(page);
    await expect(panel(page).locator('[data-segment-id]').first()).toBeVisible();
    await page.waitForTimeout(800);
    expect((await seen(page)).parent).toBeNull();
    expect(ticksFetched(harness)).toBe(false);
    await page.evaluate(() => window.__fx.addProgress());
    await expect.poll(async () => (await seen(page)).ticks.length).toBeGreaterThan(10);
    expectOnBar(await seen(page), (await media.state(page)).duration);
    expect(ticksFetched(harness)).toBe(true);
  });
});

for (const [progress, what] of [
  ['narrow', 'a 60 px wide bar'],
  ['tall', 'an 80 px tall bar'],
] as const) {
  test(`${what} is implausible: the overlay is there, with no ticks`, async ({ page, harness }) => {
    await setTicks(page, harness, true);
    await fixture(page, { progress });
    await gotoTalk(page);
    await expect.poll(async () => (await seen(page)).parent).toBe('html');
    await page.waitForTimeout(500);
    const s = await seen(page);
    expect(s.bar).not.toBeNull();
    expect(s.ticks).toEqual([]);
    expect(await ours(page, '#bilibili-player')).toBe(0);
  });
}
