/**
 * Listen to align in Chromium: the extension's main-thread time while it listens to the page's
 * <video> (capture callbacks, feature extraction, two sliced alignments) and the long tasks in
 * that time. The fixture video carries the synthetic speech of scripts/synth/ (seed 1's first
 * 150 s); the setting is switched on in the popup and listening started by a click, as a user does.
 */
import { basename } from 'node:path';
import { openPopup } from '../../tests/e2e/browser';
import { ensureSpeechVideo } from '../synth/video';
import { canSynthesize } from '../synth/corpus';
import { loadTalk, openBench } from './context';
import { profile } from './profile';
import type { Report } from './report';

const PLAY_SECONDS = 65;

export async function measureListening(report: Report): Promise<void> {
  if (!canSynthesize()) {
    report.row('listening in Chromium', 'skipped: espeak-ng or sox missing', '', null);
    return;
  }
  const made = await ensureSpeechVideo({ seed: 1, excerpt: 150, length: 2400 });
  const bench = await openBench();
  try {
    const { page, cdp, context, extensionId } = bench;
    const popup = await openPopup(context, extensionId);
    await popup.locator('input[name="listenToAlign"]').check();
    await popup.waitForFunction(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } };
      return ((await chrome.storage.sync.get('settings')).settings as { listenToAlign?: boolean } | undefined)?.listenToAlign === true;
    });
    await popup.close();
    await page.addInitScript((o) => ((window as unknown as { __FX: unknown }).__FX = o), {
      mediaUrl: `/__fixture/media/${basename(made.path)}`,
    });
    await loadTalk(page);
    await page.waitForFunction(() => (window.__fx.media()?.duration ?? 0) > 0);
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.locator('[role="complementary"] button.listen').click();
    await page.locator('[role="complementary"] button.listen[aria-pressed="true"]').waitFor();
    const { extensionMs } = await profile(cdp, async () => {
      await page.evaluate(() => window.__fx.media()!.play());
      await page.waitForTimeout(PLAY_SECONDS * 1000);
      // A pause aligns what was heard: the second alignment (the first came after 30 s heard).
      await page.evaluate(() => window.__fx.media()!.pause());
      await page.waitForTimeout(2000);
    });
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const perSecond = extensionMs / PLAY_SECONDS;
    report.set('listening', { playSeconds: PLAY_SECONDS, extensionMs, percentOfCore: perSecond / 10, longTasks });
    report.row(
      `listening in Chromium: extension main-thread time (${PLAY_SECONDS} s played, 2 alignments)`,
      `${perSecond.toFixed(2)} ms/s (${(perSecond / 10).toFixed(2)}% of a core)`,
      '≤ 2% of a core',
      perSecond / 10 <= 2,
    );
    report.row(
      'listening in Chromium: long tasks on the page (> 50 ms)',
      `${longTasks.length}${longTasks.length ? ` (max ${Math.max(...longTasks).toFixed(0)} ms)` : ''}`,
      '0',
      longTasks.length === 0,
    );
  } finally {
    await bench.context.close();
  }
}
