/**
 * npm run screenshots — README images from the offline demo: light, dark, and the compact
 * overlay in web-fullscreen. Needs a CJK font for the Chinese text (Debian: fonts-noto-cjk).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../tests/e2e/browser';
import { ensureMedia } from '../tests/e2e/media';
import { installSite } from '../tests/e2e/site';
import { talkUrl } from '../bilibili/route';

const OUT = 'docs/screenshots';
const TALK = talkUrl();

async function shot(name: string, theme: 'light' | 'dark', prepare: (page: Page) => Promise<void>): Promise<void> {
  const { context } = await launchWithExtension({ colorScheme: theme, viewport: { width: 1360, height: 820 } });
  await installSite(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript((t) => ((window as unknown as { __FX: unknown }).__FX = { theme: t }), theme);
  await page.goto(TALK);
  await page.locator('[role="complementary"] [data-segment-id]').first().waitFor();
  await page.waitForFunction(() => (window as unknown as { __fx: { media(): HTMLVideoElement } }).__fx.media().duration > 0);
  await prepare(page);
  await page.waitForTimeout(900);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
  await context.close();
}

const seek = (page: Page, t: number) =>
  page.evaluate((time) => {
    (window as unknown as { __fx: { media(): HTMLVideoElement } }).__fx.media().currentTime = time;
  }, t);

if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
ensureMedia();
mkdirSync(OUT, { recursive: true });

await shot('light', 'light', async (page) => {
  await seek(page, 512);
  await page.waitForTimeout(900);
  await page.locator('[role="complementary"] [aria-current="true"] [data-term-id]').first().click();
});
await shot('dark', 'dark', async (page) => {
  await seek(page, 1020);
  await page.waitForTimeout(400);
  await page.locator('[role="complementary"]').getByRole('tab', { name: '章节' }).click();
});
await shot('fullscreen-overlay', 'light', async (page) => {
  await seek(page, 1118);
  await page.evaluate(() => (window as unknown as { __fx: { setScreen(m: string): void } }).__fx.setScreen('web'));
});
