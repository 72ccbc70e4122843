/** Issue 2: the extension appears exactly on the talk, survives Bilibili's navigation, never breaks the page. */
import type { Page } from '@playwright/test';
import { openPopup } from './browser';
import { activeLine, expect, extensionHandles, fixture, gotoTalk, hostCount, media, panel, partUrl, TALK, test } from './harness';

const readout = (page: Page) => panel(page).locator('[data-time-readout]');

/** Page script posts bridge-shaped messages with guessed tokens, none, or bare bodies: nothing changes. */
async function forgedMessagesAreIgnored(page: Page): Promise<void> {
  await gotoTalk(page);
  await media.seek(page, 120);
  await expect(readout(page)).toHaveText('2:00');
  await page.evaluate(() => {
    const ns = 'bv1ds411w7hz-companion';
    for (const body of [
      { kind: 'time', t: 999, paused: true, duration: 2400, rate: 1 },
      { kind: 'nav', url: 'https://www.bilibili.com/video/BV1xx411c7mD/' },
      { kind: 'state', bvid: 'BV1DS411w7hz', p: 6, cid: 'x', pages: 'y' },
    ]) {
      for (const token of ['', 'guess', '0000', undefined]) window.postMessage({ ns, v: 1, token, dir: 'page', body }, '*');
      window.postMessage(body, '*');
    }
    window.postMessage('garbage', '*');
  });
  await page.waitForTimeout(500);
  await expect(readout(page)).toHaveText('2:00');
  await expect(panel(page)).toHaveCount(1);
}

test('the panel appears once on p=6, beside the player, labelled', async ({ page }) => {
  await gotoTalk(page);
  await expect(panel(page)).toHaveAttribute('aria-label', /\S/);
  const place = await page.evaluate(() => {
    const host = [...document.querySelectorAll('*')].find(
      (e) => /^talk-companion-/i.test(e.tagName) && e.shadowRoot?.querySelector('[role=complementary]'),
    );
    return { parent: host?.parentElement?.className, next: host?.nextElementSibling?.id };
  });
  expect(place).toEqual({ parent: 'right-container-inner', next: 'danmukuBox' });
  await expect(activeLine(page)).toHaveCount(1);
});

test('other parts get only a dismissible hint linking to ?p=6; other videos get nothing at all', async ({ page, harness }) => {
  await page.goto(partUrl(3));
  const hint = page.locator('[role="note"]');
  await expect(hint).toBeVisible();
  await expect(hint.locator('a')).toHaveAttribute('href', 'https://www.bilibili.com/video/BV1DS411w7hz/?p=6');
  await expect(panel(page)).toHaveCount(0);
  await hint.getByRole('button').click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(1000);
  await expect(page.locator('[role="note"]')).toHaveCount(0);

  const other = await harness.context.newPage();
  // Record every element added once the page's own scripts ran (content scripts run at document_idle, later).
  await other.addInitScript(() => {
    const w = window as unknown as { __added: string[] };
    w.__added = [];
    addEventListener('DOMContentLoaded', () => {
      new MutationObserver((rs) => rs.forEach((r) => r.addedNodes.forEach((n) => n.nodeType === 1 && w.__added.push(n.nodeName)))).observe(
        document,
        { childList: true, subtree: true },
      );
    });
  });
  await other.goto('https://www.bilibili.com/video/BV1xx411c7mD/?p=6');
  await other.waitForTimeout(1500);
  expect(await hostCount(other)).toBe(0);
  expect(await other.evaluate(() => (window as unknown as { __added: string[] }).__added)).toEqual([]);
  expect(harness.site.api).toEqual([]);
});

test('part switches by pushState (5→6→1) mount and unmount with no duplicates; the new <video> is followed', async ({ page }) => {
  await page.goto(partUrl(5));
  await expect(page.locator('[role="note"]')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __fx: { switchPart(p: number): void } }).__fx.switchPart(6));
  await expect(panel(page)).toHaveCount(1);
  await expect(page.locator('[role="note"]')).toHaveCount(0);
  await media.ready(page);
  await media.seek(page, 300);
  await expect(readout(page)).toHaveText('5:00');
  await page.evaluate(() => (window as unknown as { __fx: { switchPart(p: number): void } }).__fx.switchPart(1));
  await expect(panel(page)).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { __fx: { switchPart(p: number): void } }).__fx.switchPart(6));
  await expect(panel(page)).toHaveCount(1);
  await media.ready(page);
  // A fresh <video> replaced the old one: the readout follows it, not the detached one.
  await media.seek(page, 61);
  await expect(readout(page)).toHaveText('1:01');
  expect(await hostCount(page)).toBe(1);
});

test('after 20 part switches: one panel, and the live observers and listeners are unchanged', async ({ page }) => {
  await gotoTalk(page);
  const switchTo = (p: number) =>
    page.evaluate((n) => (window as unknown as { __fx: { switchPart(p: number): void } }).__fx.switchPart(n), p);
  await switchTo(1);
  await expect(panel(page)).toHaveCount(0);
  await switchTo(6);
  await expect(panel(page)).toHaveCount(1);
  await media.ready(page);
  await page.waitForTimeout(300);
  const before = await extensionHandles(page);
  for (let i = 0; i < 20; i++) {
    await switchTo(i % 2 ? 6 : 4);
    await expect(panel(page)).toHaveCount(i % 2 ? 1 : 0);
  }
  await expect(panel(page)).toHaveCount(1);
  await media.ready(page);
  await page.waitForTimeout(300);
  const after = await extensionHandles(page);
  expect(after).toEqual(before);
  expect(before.observers).toBeGreaterThan(0);
  expect(before.listeners).toBeGreaterThan(0);
  expect(await hostCount(page)).toBe(1);
});

test('the time readout follows seeks on <video>', async ({ page }) => {
  await gotoTalk(page);
  for (const t of [95, 1234, 7]) {
    await media.seek(page, t);
    await expect(readout(page)).toHaveText(`${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`);
  }
  await media.play(page);
  await expect(readout(page)).toHaveText('0:09', { timeout: 4000 });
});

test.describe('with <bwp-video>', () => {
  test.beforeEach(async ({ page }) => fixture(page, { media: 'bwp' }));
  test('the time readout follows seeks and playback through the MAIN-world bridge', async ({ page }) => {
    await gotoTalk(page);
    await media.seek(page, 600);
    await expect(readout(page)).toHaveText('10:00');
    await media.play(page);
    await expect(readout(page)).toHaveText('10:02', { timeout: 4000 });
    // Clicking a line seeks the bwp-video (through the bridge).
    await panel(page).locator('[data-segment-id="s020"]').click();
    await expect.poll(async () => (await media.state(page)).t).toBeGreaterThan(100);
  });
  test('forged bridge messages are ignored here too', ({ page }) => forgedMessagesAreIgnored(page));
});

test.describe('with a player inserted 3 s after load', () => {
  test.beforeEach(async ({ page }) => fixture(page, { playerDelay: 3000 }));
  test('mounts only once the player exists', async ({ page }) => {
    await page.goto(TALK);
    await page.waitForTimeout(1500);
    expect(await hostCount(page)).toBe(0);
    await expect(panel(page)).toHaveCount(1, { timeout: 6000 });
    await media.ready(page);
    await media.seek(page, 42);
    await expect(readout(page)).toHaveText('0:42');
  });
  test('term cards on: nothing of ours enters the #bilibili-player placeholder before the player exists', async ({ page, harness }) => {
    const popup = await openPopup(harness.context, harness.extensionId);
    await popup.locator('input[name="termCards"]').check();
    await expect
      .poll(() =>
        popup.evaluate(async () => {
          const { chrome } = globalThis as unknown as {
            chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };
          };
          return ((await chrome.storage.sync.get('settings')).settings as { termCards?: boolean } | undefined)?.termCards;
        }),
      )
      .toBe(true);
    await page.goto(TALK);
    await page.waitForTimeout(1500);
    // The placeholder is still empty: an early foreign node there has made Bilibili re-render or reload.
    expect(await page.evaluate(() => document.getElementById('bilibili-player')!.childElementCount)).toBe(0);
    await expect(page.locator('.bpx-player-container > [data-layer="card"]')).toHaveCount(1, { timeout: 6000 });
  });
});

test.describe('with the right column re-rendered after mount', () => {
  test.beforeEach(async ({ page }) => fixture(page, { rerenderColumnAt: 2500 }));
  test('re-mounts in the new column, once', async ({ page }) => {
    await gotoTalk(page);
    await page.waitForTimeout(3000);
    await expect(panel(page)).toHaveCount(1);
    expect(
      await page.evaluate(
        () => !!document.querySelector('.right-container-inner > [class=""], .right-container-inner')?.querySelector(':scope > *:not(div)'),
      ),
    ).toBe(true);
    expect(await hostCount(page)).toBe(1);
  });
});

test('in web-fullscreen the panel lives inside the player container and is visible', async ({ page }) => {
  await gotoTalk(page);
  await page.evaluate(() => (window as unknown as { __fx: { setScreen(m: string): void } }).__fx.setScreen('web'));
  await expect(page.locator('.bpx-player-container [role="complementary"]')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __fx: { setScreen(m: string): void } }).__fx.setScreen('normal'));
  await expect(page.locator('.right-container-inner [role="complementary"]')).toBeVisible();
  expect(await hostCount(page)).toBe(1);
});

test('in wide mode the panel sits below the wider player, visible and usable; back in normal mode it returns to the top', async ({
  page,
}) => {
  await gotoTalk(page);
  const aside = page.locator('.right-container-inner [role="complementary"]');
  await expect(aside).toBeVisible();
  await page.evaluate(() => window.__fx.setScreen('wide'));
  // Bilibili's wide geometry: the player spans both columns, the danmaku box is pushed below it.
  const player = await page.locator('#playerWrap').boundingBox();
  const column = await page.locator('.right-container').boundingBox();
  expect(player!.x + player!.width).toBeGreaterThan(column!.x + 100);
  await expect
    .poll(() => page.evaluate(() => !!document.querySelector('#danmukuBox + *')?.shadowRoot?.querySelector('[role=complementary]')))
    .toBe(true);
  const box = await aside.boundingBox();
  expect(box!.y, 'the panel starts below the player').toBeGreaterThanOrEqual(player!.y + player!.height);
  // Usable: at the panel's centre the topmost element is the panel, and a click on a line seeks.
  await aside.scrollIntoViewIfNeeded();
  expect(
    await page.evaluate(() => {
      const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[role=complementary]'))!;
      const r = host.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 100)) === host;
    }),
  ).toBe(true);
  await panel(page).locator('[data-segment-id="s020"] > p').first().click();
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's020');
  await page.evaluate(() => window.__fx.setScreen('normal'));
  await expect
    .poll(() =>
      page.evaluate(
        () => !!document.querySelector('#danmukuBox')?.previousElementSibling?.shadowRoot?.querySelector('[role=complementary]'),
      ),
    )
    .toBe(true);
  expect(await hostCount(page)).toBe(1);
});

test('forged bridge messages from page script are ignored', ({ page }) => forgedMessagesAreIgnored(page));

test('a malformed URL and a player removed mid-playback leave a clear state, never an exception', async ({ page }) => {
  await gotoTalk(page);
  await media.play(page);
  await page.evaluate(() => (window as unknown as { __fx: { removePlayer(): void } }).__fx.removePlayer());
  await expect(panel(page).getByText(/等待播放器|没有找到播放器/)).toBeVisible();
  await page.evaluate(() => history.pushState({}, '', '/video/%E0%A4%A/?p=6'));
  await expect(panel(page)).toHaveCount(0, { timeout: 3000 });
  await page.evaluate(() => history.pushState({}, '', '/video/BV1DS411w7hz/?p=6'));
  // Back on the talk without a player: nothing is mounted until one appears.
  await page.waitForTimeout(500);
  expect(await hostCount(page)).toBe(0);
  await page.evaluate(() => (window as unknown as { __fx: { buildPlayer(): void } }).__fx.buildPlayer());
  await expect(panel(page)).toHaveCount(1);
  expect(await hostCount(page)).toBe(1);
});

test.describe('with no player ever', () => {
  test.beforeEach(async ({ page }) => fixture(page, { noPlayer: true }));
  test('says the player was not found', async ({ page }) => {
    test.setTimeout(40_000);
    await page.goto(TALK);
    await expect(panel(page).getByRole('alert')).toHaveText(/没有找到播放器/, { timeout: 20_000 });
    expect(await hostCount(page)).toBe(1);
  });
});
