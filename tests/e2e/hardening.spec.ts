/** Issue 7: isolation both ways, hostile pages, extension reloads. */
import { chromium, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, DIST, openPopup } from './browser';
import { expect, fixture, gotoTalk, hostCount, media, panel, TALK, test } from './harness';
import { installSite } from './site';

const PAGE_ELEMENTS = [
  'html',
  'body',
  '.video-title',
  '#bilibili-player',
  '.bpx-player-container',
  '.bpx-player-control-wrap',
  '.right-container',
  '.right-container-inner',
  '.up-panel-container',
  '#danmukuBox',
  '.video-pod',
  '.video-pod__item a',
  '.recommend-list-v1',
];

/**
 * Every computed property of a set of the page's own elements — except the used sizes that
 * follow from layout (the panel takes room in the right column, so the column grows taller).
 */
const LAYOUT_SIZES = new Set(['height', 'block-size', 'width', 'inline-size', 'perspective-origin', 'transform-origin']);
const pageStyles = (page: Page) =>
  page
    .evaluate((selectors) => {
      const out: Record<string, Record<string, string>> = {};
      for (const sel of selectors) {
        const el = document.querySelector(sel);
        if (!el) continue;
        const cs = getComputedStyle(el);
        out[sel] = Object.fromEntries(Array.from(cs, (p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    }, PAGE_ELEMENTS)
    .then((all) =>
      Object.fromEntries(
        Object.entries(all).map(([sel, props]) => [sel, Object.fromEntries(Object.entries(props).filter(([p]) => !LAYOUT_SIZES.has(p)))]),
      ),
    );

test("the page's own styles are identical with and without the extension", async ({ page }) => {
  await gotoTalk(page);
  const withExtension = await pageStyles(page);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await installSite(context);
  const plain = await context.newPage();
  await plain.goto(TALK);
  await plain.waitForFunction(() => document.querySelector('video'));
  const without = await pageStyles(plain);
  await browser.close();
  expect(Object.keys(withExtension)).toHaveLength(PAGE_ELEMENTS.length);
  expect(withExtension).toEqual(without);
});

// Not width: the panel takes the width of the column the page gives it (the hostile page's layout is broken).
const PANEL_PROPS = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-align',
  'display',
  'position',
  'visibility',
  'opacity',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-radius',
  'cursor',
];
const PANEL_PARTS = [
  '.panel',
  '.head',
  '.title',
  '[role=tab]',
  '[role=tab][aria-selected=true]',
  '.lines',
  '.line',
  '.line > .ts',
  '.line > p',
  '.term',
  '.chip',
  '.timing',
  '.timing button',
];

const panelStyles = (page: Page) =>
  page.evaluate(
    ([parts, props]) => {
      const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[role=complementary]'))!;
      const out: Record<string, Record<string, string>> = {};
      for (const sel of parts!) {
        const el = host.shadowRoot!.querySelector(sel);
        if (!el) continue;
        const cs = getComputedStyle(el);
        out[sel] = Object.fromEntries(props!.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    },
    [PANEL_PARTS, PANEL_PROPS],
  );

test.describe('on a hostile page (all: unset !important, a 40px root font, !important resets, a look-alike element)', () => {
  test('the panel looks and works the same', async ({ page, harness }) => {
    await gotoTalk(page);
    await media.seek(page, 30);
    const normal = await panelStyles(page);
    const hostile = await harness.context.newPage();
    await fixture(hostile, { hostileCss: true });
    await hostile.goto(TALK);
    await expect(panel(hostile)).toHaveCount(1);
    await media.ready(hostile);
    await media.seek(hostile, 30);
    expect(Object.keys(normal)).toHaveLength(PANEL_PARTS.length);
    expect(await panelStyles(hostile)).toEqual(normal);
    await expect(panel(hostile)).toBeVisible();
    await panel(hostile).locator('[data-segment-id="s030"] > p').first().click();
    await expect(panel(hostile).locator('[data-segment-id="s030"]')).toHaveAttribute('aria-current', 'true');
    expect(await hostile.evaluate(() => document.querySelector('talk-companion')?.textContent)).toBe('page-defined talk-companion');
    expect(await hostCount(hostile)).toBe(1);
  });
});

test('an extension reload while the page is open removes the panel cleanly; the page keeps playing', async ({ page, harness }) => {
  await gotoTalk(page);
  await media.play(page);
  // While the panel runs, the bridge wraps history (to see Bilibili's in-page navigations).
  await expect.poll(() => page.evaluate(() => history.pushState.toString())).not.toContain('[native code]');
  const extPage = await openPopup(harness.context, harness.extensionId);
  // The reload closes the extension's own page; the call never returns.
  void extPage
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined);
  await expect.poll(() => hostCount(page), { timeout: 8000 }).toBe(0);
  const t0 = (await media.state(page)).t;
  await page.waitForTimeout(1500);
  const t1 = (await media.state(page)).t;
  expect(t1 - t0).toBeGreaterThan(1);
  // The MAIN-world bridge stood down: history methods are the page's own again.
  expect(await page.evaluate(() => history.pushState.toString())).toContain('[native code]');
  // The page is still fully the page's own: its controls work.
  await page.evaluate(() => (window as unknown as { __fx: { setScreen(m: string): void } }).__fx.setScreen('web'));
  await expect(page.locator('.bpx-player-container')).toHaveAttribute('data-screen', 'web');
  expect(harness.pageErrors).toEqual([]);
});

test('a talk-page load fetches only the code it runs; each view fetches its own part when first opened', async ({ page, harness }) => {
  await gotoTalk(page);
  await expect(panel(page).locator('[data-segment-id]').first()).toBeVisible();
  const chunks = readdirSync(join(DIST, 'panel-chunks')).map((f) => `/panel-chunks/${f}`);
  const chunk = (name: string): string => chunks.find((c) => c.startsWith(`/panel-chunks/${name}-`)) ?? `(no ${name} chunk)`;
  const fetched = (): string[] => chunks.filter((c) => harness.site.extension.includes(c));
  // What the load ran: the panel, its Preact chunk, the Chinese UI strings, the talk data — and no
  // other chunk of the build. (The bridge is the manifest's MAIN-world script here: no bridge.js.)
  expect(harness.site.extension).toEqual(expect.arrayContaining(['/panel.js', '/talk.json']));
  expect(harness.site.extension).not.toContain('/bridge.js');
  // Once the part is known the subtitle layer (player call, WBI, track guard) follows, after the
  // panel is interactive, with the validation helpers it shares with other chunks; with no track
  // listed nothing else does.
  await expect.poll(fetched).toContain(chunk('subtitle-sync'));
  expect(fetched().sort()).toEqual([chunk('panel-zh'), chunk('preact'), chunk('subtitle-sync'), chunk('guard')].sort());
  expect(chunks.length, 'on-demand chunks in the build').toBeGreaterThan(10);

  await panel(page).getByRole('tab', { name: '搜索' }).click();
  await expect(panel(page).getByRole('searchbox', { name: '搜索' })).toBeVisible();
  expect(fetched()).toContain(chunk('SearchView'));
  await panel(page).getByRole('tab', { name: '术语' }).click();
  await expect(panel(page).getByRole('searchbox', { name: '筛选术语' })).toBeVisible();
  expect(fetched()).toContain(chunk('GlossaryView'));
  expect(fetched()).not.toContain(chunk('TermPopover'));
});

test('the built manifests ask for storage only, and expose the panel files to bilibili.com pages only (Chrome)', () => {
  const read = (target: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIST, '..', target, 'manifest.json'), 'utf8'));
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const m = read(target);
    expect(m.permissions, target).toEqual(['storage']);
    expect(m, target).not.toHaveProperty('host_permissions');
    expect(m, target).not.toHaveProperty('background');
  }
  const chrome = read('chrome-mv3') as { web_accessible_resources: { matches: string[] }[]; content_scripts: { matches: string[] }[] };
  expect(chrome.web_accessible_resources.map((w) => w.matches)).toEqual([['*://www.bilibili.com/*']]);
  // Every video page gets the small content script; only the talk's pages get the MAIN-world bridge.
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const scripts = (read(target) as { content_scripts: { matches: string[]; world?: string }[] }).content_scripts;
    expect(scripts.map((c) => [c.matches, c.world ?? 'ISOLATED']).sort(), target).toEqual(
      [
        [['*://www.bilibili.com/video/*'], 'ISOLATED'],
        [['*://www.bilibili.com/video/BV1DS411w7hz*'], 'MAIN'],
      ].sort(),
    );
  }
});
