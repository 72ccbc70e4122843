/** Launch Debian's Chromium with the built extension loaded (TOOLCHAIN.md recipe). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

export const DIST = join(process.cwd(), '.output', 'chrome-mv3');

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // try the next name
    }
  }
  throw new Error('Chromium not found: install Debian `chromium` or set CHROMIUM_PATH');
}

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  viewport?: { width: number; height: number };
  extraArgs?: string[];
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<{ context: BrowserContext; extensionId: string }> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`No build at ${DIST}: run \`npm run build\` first`);
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...(opts.extraArgs ?? []),
    ],
  });
  const [worker] = context.serviceWorkers();
  const id = worker ? new URL(worker.url()).host : await extensionIdFromPages(context);
  return { context, extensionId: id };
}

/** The extension's popup in a tab of its own, once its settings are loaded. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('main[data-loaded]').waitFor();
  return popup;
}

/** Without a background worker, read the id from chrome://extensions-internals... or the popup URL. */
async function extensionIdFromPages(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto('chrome://extensions-internals/');
  const text = (await page.locator('body').textContent()) ?? '';
  await page.close();
  const match = /"id":\s*"([a-p]{32})"/.exec(text);
  if (!match?.[1]) throw new Error('extension id not found');
  return match[1];
}
