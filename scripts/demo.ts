/**
 * npm run demo [-- --screenshot FILE] [-- --bwp] [-- --dark] [-- --web]
 * The offline demo: builds the extension, makes the fixture video, serves the fixture
 * Bilibili page for the real URL, and opens Chromium with the extension on the talk.
 * Headed where a display exists; otherwise headless, writing a screenshot and exiting.
 */
import { execFileSync } from 'node:child_process';
import { launchWithExtension } from '../tests/e2e/browser';
import { ensureMedia } from '../tests/e2e/media';
import { installSite } from '../tests/e2e/site';
import { talkUrl } from '../bilibili/route';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const value = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const headless = !process.env.DISPLAY || flag('headless');
const screenshot = value('screenshot') ?? (headless ? 'demo.png' : undefined);

if (!flag('no-build')) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
ensureMedia();
const { context } = await launchWithExtension({ headless, colorScheme: flag('dark') ? 'dark' : 'light' });
await installSite(context);
const page = context.pages()[0] ?? (await context.newPage());
if (flag('bwp') || flag('dark')) {
  await page.addInitScript((fx) => ((window as unknown as { __FX: unknown }).__FX = fx), {
    media: flag('bwp') ? 'bwp' : 'video',
    theme: flag('dark') ? 'dark' : 'light',
  });
}
await page.goto(talkUrl());
await page.locator('[role="complementary"]').waitFor();
await page.evaluate(async () => {
  const m = (window as unknown as { __fx: { media(): HTMLVideoElement } }).__fx.media();
  m.currentTime = 812;
  await m.play();
});
if (flag('web')) await page.evaluate(() => (window as unknown as { __fx: { setScreen(m: string): void } }).__fx.setScreen('web'));

if (screenshot) {
  await page.waitForTimeout(1500);
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);
}
if (headless) await context.close();
else {
  console.log('Chromium is open on the talk (offline fixture). Close the window to stop.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}
