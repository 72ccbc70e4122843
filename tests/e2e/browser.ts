/** Launch Debian's Chromium with the built extension loaded (TOOLCHAIN.md recipe). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { builtExtensionId } from './extension-id';

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
  /** The unpacked build to load (default: .output/chrome-mv3). */
  dist?: string;
  userDataDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  viewport?: { width: number; height: number };
  extraArgs?: string[];
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<{ context: BrowserContext; extensionId: string }> {
  const dist = opts.dist ?? DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No build at ${dist}: run \`npm run build\` first`);
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
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
  const extensionId = builtExtensionId(dist);
  await assertLoaded(context, extensionId, dist).catch(async (err: unknown) => {
    await context.close();
    throw err;
  });
  return { context, extensionId };
}

/**
 * Fails at once, with what to check, when Chromium did not load the build (a flag it stopped
 * honouring, a broken manifest): otherwise every test would time out waiting for the panel.
 */
async function assertLoaded(context: BrowserContext, extensionId: string, dist: string): Promise<void> {
  const page = await context.newPage();
  try {
    const url = `chrome-extension://${extensionId}/manifest.json`;
    const response = await page.goto(url).catch((err: unknown) => err as Error);
    const name = response instanceof Error || !response?.ok() ? null : ((await response.json()) as { name?: string }).name;
    if (!name) {
      const why = response instanceof Error ? response.message.split('\n')[0] : `HTTP ${response?.status() ?? '?'}`;
      throw new Error(
        `Chromium (${context.browser()?.version() ?? chromiumPath()}) did not load the extension from ${dist} ` +
          `(expected id ${extensionId}; ${url}: ${why}). Check that this Chromium still honours --load-extension.`,
      );
    }
  } finally {
    await page.close();
  }
}

/** The extension's popup in a tab of its own, once its settings are loaded. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('main[data-loaded]').waitFor();
  return popup;
}
