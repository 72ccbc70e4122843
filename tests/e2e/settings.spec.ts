/** Issues 6 and 8: the popup's settings apply live to the open talk tab and persist across restarts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, openPopup } from './browser';
import { activeLine, expect, gotoTalk, lineAction, media, panel, TALK, test } from './harness';
import { installSite } from './site';

const now = (p: Page) => p.evaluate(() => performance.timeOrigin + performance.now());

/** chrome.storage as an extension page sees it (no @types/chrome here). */
type StorageArea = { get(keys: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
type ExtensionGlobal = { chrome: { storage: { sync: StorageArea; local: StorageArea } } };

type Probe = 'dark' | 'font18' | 'noChips';

/** In the talk tab: resolve with the absolute time at which `probe` first became true. */
async function whenTrue(page: Page, probe: Probe): Promise<() => Promise<number>> {
  await page.evaluate((name) => {
    const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[role=complementary]'))!;
    const root = host.shadowRoot!;
    const panelEl = (): HTMLElement | null => root.querySelector('.panel');
    const probes: Record<string, () => boolean> = {
      dark: () => panelEl()?.getAttribute('data-theme') === 'dark',
      font18: () => panelEl()?.style.getPropertyValue('--fs') === '18px',
      noChips: () => root.querySelectorAll('.chip').length === 0,
    };
    const test = probes[name]!;
    const w = window as unknown as { __seen?: number };
    w.__seen = 0;
    const mo = new MutationObserver(() => {
      if (!w.__seen && test()) {
        w.__seen = performance.timeOrigin + performance.now();
        mo.disconnect();
      }
    });
    mo.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
  }, probe as string);
  return async () => {
    await page.waitForFunction(() => (window as unknown as { __seen?: number }).__seen);
    return page.evaluate(() => (window as unknown as { __seen: number }).__seen);
  };
}

const select = (popup: Page, name: string, value: string) =>
  popup.evaluate(
    ([n, v]) => {
      const el = document.querySelector<HTMLSelectElement>(`select[name="${n}"]`)!;
      el.value = v!;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return performance.timeOrigin + performance.now();
    },
    [name, value],
  );

test('three settings changed in the popup reach the open talk tab within 300 ms, without reload', async ({ page, harness }) => {
  await gotoTalk(page);
  const popup = await openPopup(page.context(), harness.extensionId);
  const loadedAt = await now(page);

  let seen = await whenTrue(page, 'dark');
  let at = await select(popup, 'theme', 'dark');
  const latencies: number[] = [];
  latencies.push((await seen()) - at);

  seen = await whenTrue(page, 'font18');
  at = await popup.evaluate(() => {
    const el = document.querySelector<HTMLInputElement>('input[name="fontSize"]')!;
    el.value = '18';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return performance.timeOrigin + performance.now();
  });
  latencies.push((await seen()) - at);

  seen = await whenTrue(page, 'noChips');
  at = await popup.evaluate(() => {
    document.querySelector<HTMLInputElement>('input[name="speakerLabels"]')!.click();
    return performance.timeOrigin + performance.now();
  });
  latencies.push((await seen()) - at);
  console.log(`popup → tab latency (theme, font size, speaker labels): ${latencies.map((x) => `${x.toFixed(1)} ms`).join(', ')}`);
  for (const ms of latencies) expect(ms).toBeLessThan(300);

  // No reload happened: the page's own timeline is the one we started with.
  expect(await page.evaluate(() => performance.timeOrigin)).toBeLessThan(loadedAt);
  await expect(panel(page).locator('.chip')).toHaveCount(0);
});

test('transcript language (zh / en / bilingual) and Chinese script switch live', async ({ page, harness }) => {
  await gotoTalk(page);
  const popup = await openPopup(page.context(), harness.extensionId);
  const line = panel(page).locator('[data-segment-id="s005"]');
  await expect(line).toContainText('还有很多可能登上舞台的范式');
  await select(popup, 'transcriptLanguage', 'en');
  await expect(line).toContainText('paradigms that may come onto the stage');
  await expect(line).not.toContainText('范式');
  await expect(line.locator('[data-term-id="mamba"]')).toHaveCount(1);
  await select(popup, 'transcriptLanguage', 'bilingual');
  await expect(line.locator('p')).toHaveCount(2);
  await expect(line).toContainText('范式');
  await expect(line).toContainText('paradigms');
  await select(popup, 'transcriptLanguage', 'zh');
  await select(popup, 'chineseScript', 'traditional');
  await expect(panel(page).locator('[data-segment-id="s004"]')).toContainText('擴散和自迴歸');
  await expect(panel(page).locator('[data-segment-id="s004"] [data-term-id="diffusion-model"]')).toHaveText('擴散');
  // The popover explains in the chosen language.
  await select(popup, 'chineseScript', 'simplified');
  await select(popup, 'transcriptLanguage', 'en');
  await panel(page).locator('[data-term-id="mamba"]').first().click();
  await expect(panel(page).getByRole('dialog')).toContainText(/state.space/);
});

test('the UI language follows the setting (English catalogue)', async ({ page, harness }) => {
  await gotoTalk(page);
  const popup = await openPopup(page.context(), harness.extensionId);
  await select(popup, 'uiLanguage', 'en');
  await expect(panel(page).getByRole('tab', { name: 'Chapters' })).toBeVisible();
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Panel companion · Settings');
  await expect(panel(page)).toHaveAttribute('aria-label', 'Panel discussion companion');
  // The lines (built as DOM) are rebuilt in the new language once its strings are in, and the
  // language attribute matches what is shown.
  await expect(panel(page).locator('[data-segment-id="s004"] .more')).toHaveAttribute('aria-label', 'More actions');
  await expect(panel(page)).toHaveAttribute('lang', 'en');
  // The parts loaded later speak it too.
  await panel(page).getByRole('tab', { name: 'Search' }).click();
  await expect(panel(page).getByRole('searchbox', { name: 'Search' })).toBeVisible();
});

test('"reset timing for this video" in the popup clears the calibration in the open tab', async ({ page, harness }) => {
  await gotoTalk(page);
  await media.seek(page, 900);
  await lineAction(page, 's100', '此句正在说');
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's100');
  const popup = await openPopup(page.context(), harness.extensionId);
  await popup.getByRole('button', { name: '重置本视频的时间校准' }).click();
  await expect(popup.getByText('已重置', { exact: true })).toBeVisible();
  await expect(panel(page).locator('[data-timing-source]')).toHaveAttribute('data-timing-source', 'estimate');
});

test('the popup is fully keyboard-usable', async ({ page, harness }) => {
  const popup = await openPopup(page.context(), harness.extensionId);
  const reached = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await popup.keyboard.press('Tab');
    reached.add(
      await popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.tagName || ''),
    );
  }
  for (const name of ['enabled', 'theme', 'fontSize', 'transcriptLanguage', 'chineseScript', 'termCards', 'BUTTON', 'A'])
    expect(reached).toContain(name);
  await popup.focus('select[name="theme"]');
  await popup.keyboard.press('ArrowDown');
  await expect(popup.locator('select[name="theme"]')).toHaveValue('light');
  // The change re-renders the popup; the control keeps focus (a remount would drop it).
  await expect(popup.locator('select[name="theme"]')).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.locator('select[name="theme"]')).toHaveValue('dark');
});

test('settings persist across a browser restart (same profile)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'companion-profile-'));
  try {
    let { context, extensionId } = await launchWithExtension({ userDataDir: dir });
    await installSite(context);
    let page = await context.newPage();
    const popup = await openPopup(page.context(), extensionId);
    await select(popup, 'theme', 'dark');
    await select(popup, 'transcriptLanguage', 'bilingual');
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[name="follow"]')!.click());
    await expect(popup.locator('input[name="follow"]')).not.toBeChecked();
    // The writes are asynchronous: close only once storage holds them (under load the last
    // write could otherwise still be in flight when the profile shuts down).
    await expect
      .poll(() =>
        popup.evaluate(async () => {
          const s = (globalThis as unknown as ExtensionGlobal).chrome.storage;
          const { settings } = (await s.sync.get('settings')) as { settings?: Record<string, unknown> };
          return [settings?.theme, settings?.transcriptLanguage, settings?.follow];
        }),
      )
      .toEqual(['dark', 'bilingual', false]);
    await context.close();

    ({ context, extensionId } = await launchWithExtension({ userDataDir: dir }));
    await installSite(context);
    page = await context.newPage();
    await page.goto(TALK);
    await expect(panel(page)).toHaveAttribute('data-theme', 'dark');
    await expect(panel(page).locator('[data-segment-id="s001"] p')).toHaveCount(2);
    const again = await openPopup(page.context(), extensionId);
    await expect(again.locator('select[name="theme"]')).toHaveValue('dark');
    await expect(again.locator('input[name="follow"]')).not.toBeChecked();
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('settings and a calibration saved by a newer version: everything works on defaults, nothing is lost, no console error', async ({
  page,
  harness,
}) => {
  const NEWER = { v: 999, fontSize: 'huge', theme: 42, enabled: 'yes', future: { a: [1, 2] } };
  const CAL = { v: 7, anchors: 'a newer shape', offset: 'n/a' };
  let popup = await openPopup(harness.context, harness.extensionId);
  await popup.evaluate(
    async ([settings, cal]) => {
      const s = (globalThis as unknown as ExtensionGlobal).chrome.storage;
      await s.sync.set({ settings, settings$: { v: 999 } });
      await s.local.set({ 'calibration:BV1DS411w7hz:6': cal });
    },
    [NEWER, CAL] as const,
  );
  const stored = () =>
    popup.evaluate(async () => {
      const s = (globalThis as unknown as ExtensionGlobal).chrome.storage;
      return { sync: await s.sync.get(null), local: await s.local.get('calibration:BV1DS411w7hz:6') };
    });
  const warnings = () => harness.consoleWarnings.filter((w) => /newer version/.test(w));

  await popup.reload();
  await popup.locator('main[data-loaded]').waitFor();
  await expect(popup.locator('select[name="theme"]')).toHaveValue('auto');
  await expect(popup.locator('input[name="enabled"]')).toBeChecked();
  await gotoTalk(page);
  await expect(panel(page)).toHaveAttribute('style', /--fs:\s*14px/);
  await expect(panel(page).locator('[data-timing-source]')).toHaveAttribute('data-timing-source', 'estimate');
  await panel(page).locator('[data-segment-id="s042"] > p').first().click();
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's042');
  // Loading read them, and wrote nothing over them.
  expect(await stored()).toEqual({
    sync: { settings: NEWER, settings$: { v: 999 } },
    local: { 'calibration:BV1DS411w7hz:6': CAL },
  });

  // A change here keeps the newer values aside (for when that version returns).
  await select(popup, 'theme', 'dark');
  await expect(panel(page)).toHaveAttribute('data-theme', 'dark');
  await lineAction(page, 's100', '此句正在说');
  await expect.poll(async () => (await stored()).sync.settings$newer).toEqual({ v: 999, value: NEWER });
  await expect
    .poll(() => popup.evaluate(async () => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(null)))
    .toMatchObject({ 'calibration:BV1DS411w7hz:6$newer': { v: 7, value: CAL } });
  popup = await openPopup(harness.context, harness.extensionId);
  await expect(popup.locator('select[name="theme"]')).toHaveValue('dark');

  expect(
    harness.consoleWarnings.filter((w) => !/newer version/.test(w)),
    'console errors and other warnings',
  ).toEqual([]);
  // One warning per item and context: settings in the reloaded popup and in the page, the calibration in
  // the page (the popup opened last finds this version's own values).
  expect(warnings().filter((w) => w.includes('sync:settings'))).toHaveLength(2);
  expect(warnings().filter((w) => w.includes('local:calibration'))).toHaveLength(1);
});
