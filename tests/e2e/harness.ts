/**
 * Playwright fixtures: a fresh Chromium profile with the built extension, the fixture site
 * routed in, and checks every test gets for free — no page errors, no request off Bilibili.
 */
import { test as base, expect, type BrowserContext, type CDPSession, type Locator, type Page } from '@playwright/test';
import { launchWithExtension, type LaunchOptions } from './browser';
import { installSite, type SiteLog, type SiteOptions } from './site';
import { talkUrl } from '../../bilibili/route';

export { expect };

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  site: SiteLog;
  pageErrors: string[];
  consoleWarnings: string[];
}

type Fixtures = {
  siteOptions: SiteOptions;
  extLaunch: LaunchOptions;
  harness: Harness;
  page: Page;
};

export const test = base.extend<Fixtures>({
  siteOptions: [{}, { option: true }],
  extLaunch: [{}, { option: true }],
  harness: async ({ siteOptions, extLaunch }, use) => {
    const { context, extensionId } = await launchWithExtension(extLaunch);
    const site = await installSite(context, siteOptions);
    const h: Harness = { context, extensionId, site, pageErrors: [], consoleWarnings: [] };
    context.on('page', (p) => watch(p, h));
    await use(h);
    await context.close();
    // Checked after every test: the extension never broke the page or phoned home.
    expect(h.pageErrors, 'page errors').toEqual([]);
    expect(h.site.offsite, 'requests to hosts other than Bilibili').toEqual([]);
  },
  page: async ({ harness }, use) => {
    const page = harness.context.pages()[0] ?? (await harness.context.newPage());
    watch(page, harness);
    await use(page);
  },
});

const watched = new WeakSet<Page>();
function watch(page: Page, h: Harness): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('pageerror', (e) => h.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') h.consoleWarnings.push(m.text());
  });
}

export const TALK = talkUrl();
export const partUrl = (p: number): string => TALK.replace(/p=6$/, `p=${p}`);

/** Options for the fixture page (BILIBILI.md shapes), set before the page's own scripts run. */
export async function fixture(page: Page, fx: Record<string, unknown>): Promise<void> {
  await page.addInitScript((o) => {
    (window as unknown as { __FX: unknown }).__FX = o;
  }, fx);
}

export const panel = (page: Page): Locator => page.locator('[role="complementary"]');
export const activeLine = (page: Page): Locator => page.locator('[data-segment-id][aria-current="true"]');
/** Open a line's ⋯ menu and pick an action by its (Chinese) name. */
export async function lineAction(page: Page, segmentId: string, action: string): Promise<Locator> {
  const line = panel(page).locator(`[data-segment-id="${segmentId}"]`);
  await line.hover();
  await line.locator('.more').click();
  await panel(page).getByRole('menuitem', { name: action }).click();
  return line;
}

export const hostCount = (page: Page): Promise<number> =>
  page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => /^talk-companion-/i.test(e.tagName)).length);

type MediaState = { t: number; paused: boolean; duration: number };
/** Read/drive the page's media in the MAIN world (works for <video> and <bwp-video>). */
export const media = {
  state: (page: Page): Promise<MediaState> =>
    page.evaluate(() => {
      const m = (window as unknown as { __fx: { media(): HTMLVideoElement | null } }).__fx.media();
      return { t: m?.currentTime ?? -1, paused: m?.paused ?? true, duration: m?.duration ?? 0 };
    }),
  seek: (page: Page, t: number): Promise<void> =>
    page.evaluate(
      (time) =>
        new Promise<void>((resolve) => {
          const m = (window as unknown as { __fx: { media(): HTMLVideoElement } }).__fx.media();
          m.addEventListener('seeked', () => resolve(), { once: true });
          m.currentTime = time;
        }),
      t,
    ),
  play: (page: Page): Promise<void> =>
    page.evaluate(async () => {
      await (window as unknown as { __fx: { media(): HTMLVideoElement } }).__fx.media().play();
    }),
  pause: (page: Page): Promise<void> =>
    page.evaluate(() => (window as unknown as { __fx: { media(): HTMLVideoElement } }).__fx.media().pause()),
  ready: (page: Page): Promise<void> =>
    page.waitForFunction(() => {
      const m = (window as unknown as { __fx?: { media(): HTMLVideoElement | null } }).__fx?.media();
      return !!m && m.duration > 0; // <bwp-video> has no readyState
    }) as unknown as Promise<void>,
};

export async function gotoTalk(page: Page, url = TALK): Promise<void> {
  await page.goto(url);
  await expect(panel(page)).toHaveCount(1);
  await media.ready(page);
}

/**
 * Live handles the extension holds in the page: MutationObservers in its isolated world and
 * event listeners its scripts registered on window, document and the media element.
 */
export async function extensionHandles(page: Page): Promise<{ observers: number; listeners: number }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const scripts = new Set<string>();
  const contexts: { id: number; origin: string; type: string }[] = [];
  cdp.on('Debugger.scriptParsed', (e: { scriptId: string; url: string }) => {
    if (e.url.startsWith('chrome-extension://')) scripts.add(e.scriptId);
  });
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) =>
    contexts.push({ id: e.context.id, origin: e.context.origin, type: e.context.auxData?.type ?? '' }),
  );
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const isolated = contexts.find((c) => c.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  let observers = 0;
  if (isolated) {
    const proto = await cdp.send('Runtime.evaluate', { expression: 'MutationObserver.prototype', contextId: isolated.id });
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId! });
    const len = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId!,
      functionDeclaration: 'function(){return this.length}',
      returnByValue: true,
    });
    observers = len.result.value as number;
  }
  // Listeners are reported per world: ask through the page's world (the MAIN-world bridge) and
  // through the extension's isolated world (content script and panel).
  let listeners = 0;
  const media = "document.querySelector('#bilibili-player video, #bilibili-player bwp-video')";
  for (const contextId of [undefined, isolated?.id]) {
    for (const expression of ['window', 'document', media]) {
      const target = await cdp.send('Runtime.evaluate', { expression, ...(contextId ? { contextId } : {}) });
      if (!target.result.objectId) continue;
      const { listeners: ls } = await cdp.send('DOMDebugger.getEventListeners', { objectId: target.result.objectId });
      listeners += ls.filter((l: { scriptId: string }) => scripts.has(l.scriptId)).length;
    }
  }
  await cdp.detach();
  return { observers, listeners };
}
