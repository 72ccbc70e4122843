/** What every measurement gets: the browser with the extension, the fixture site, the talk page. */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { launchWithExtension } from '../../tests/e2e/browser';
import { exportJson } from '../../tests/e2e/cues';
import { installSite } from '../../tests/e2e/site';
import { talkUrl } from '../../bilibili/route';

export const TALK = talkUrl();

export interface Bench {
  context: BrowserContext;
  extensionId: string;
  page: Page;
  cdp: CDPSession;
}

// In the page: the panel's shadow root, found by what it holds, not by a tag name.
const PANEL_ROOT = `window.__panelRoot = () => {
  for (const e of document.querySelectorAll('*')) if (e.shadowRoot && e.shadowRoot.querySelector('[role=complementary]')) return e.shadowRoot;
  return null;
};`;

export async function openBench(): Promise<Bench> {
  const { context, extensionId } = await launchWithExtension();
  await installSite(context);
  // tsx compiles with keepNames: functions passed to page.evaluate may call esbuild's __name.
  await context.addInitScript({ content: `window.__name = (f) => f; ${PANEL_ROOT}` });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  return { context, extensionId, page, cdp };
}

/** Load the talk and wait until its lines are there. */
export async function loadTalk(page: Page): Promise<void> {
  await page.goto(TALK);
  await page.locator('[role="complementary"] [data-segment-id]').first().waitFor();
}

/** The estimate's segment starts for the page's media (what the panel shows with no other layer). */
export async function segmentStarts(page: Page): Promise<{ starts: number[]; ids: string[] }> {
  await page.waitForFunction(() => (window.__fx.media()?.duration ?? 0) > 0);
  const duration = await page.evaluate(() => window.__fx.media()!.duration);
  const segments = exportJson(duration).segments;
  return { starts: segments.map((s) => s.start), ids: segments.map((s) => s.id) };
}
