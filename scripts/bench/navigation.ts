/** Navigation → panel interactive (extension main-thread work), and the first render of all lines. */
import { loadTalk, type Bench } from './context';
import { profile } from './profile';
import { ms, pct, type Report } from './report';

export async function measureNavigation({ page, cdp }: Bench, report: Report): Promise<void> {
  // Over several loads (the first is cold: no code cache yet), median reported.
  const navMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const nav = await profile(cdp, async () => {
      await loadTalk(page);
      await page.waitForTimeout(400);
    });
    navMs.push(nav.extensionMs);
  }
  // Render time without the profiler attached (sampling slows the page down).
  const renderMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    await loadTalk(page);
    renderMs.push(await page.evaluate(() => performance.getEntriesByName('companion:first-render')[0]?.duration ?? NaN));
  }
  const lines = await page.locator('[role="complementary"] [data-segment-id]').count();
  report.set('navigationExtensionMs', { first: navMs[0], median: pct(navMs, 50), all: navMs });
  report.set('firstRenderMs', { first: renderMs[0], median: pct(renderMs, 50), all: renderMs });
  report.row(
    'navigation → panel interactive (extension main-thread), median of 7 loads (first load)',
    `${ms(pct(navMs, 50))} (${ms(navMs[0]!)})`,
    '≤ 100 ms',
    pct(navMs, 50) <= 100,
  );
  report.row(
    `first render of all ${lines} segments, median of 7 loads (first load)`,
    `${ms(pct(renderMs, 50))} (${ms(renderMs[0]!)})`,
    '≤ 30 ms',
    pct(renderMs, 50) <= 30,
  );
}
