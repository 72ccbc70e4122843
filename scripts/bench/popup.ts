/** The popup's render, and a setting it changes reaching the open panel (Traditional script, loaded only when chosen). */
import { openPopup } from '../../tests/e2e/browser';
import type { Bench } from './context';
import { ms, type Report } from './report';

export async function measurePopup({ context, extensionId, page }: Bench, report: Report): Promise<void> {
  const popup = await openPopup(context, extensionId);
  const popupRender = await popup.evaluate(() => performance.getEntriesByName('companion:popup-render')[0]?.duration ?? NaN);
  report.set('popup', { renderMs: popupRender });
  report.row('popup render (script)', ms(popupRender), '≤ 50 ms', popupRender <= 50);

  // From the popup's change to the open panel showing Traditional text (storage event, fetch, re-render).
  await page.evaluate(() => {
    const root = window.__panelRoot!()!;
    const probe: { at?: number } = {};
    window.__bench = probe;
    const mo = new MutationObserver(() => {
      if (!probe.at && root.querySelector('[data-segment-id="s004"]')?.textContent?.includes('擴散')) {
        probe.at = performance.timeOrigin + performance.now();
        mo.disconnect();
      }
    });
    mo.observe(root, { subtree: true, childList: true, characterData: true });
  });
  // The panel marks the load (companion:hant-load) when it happens: none before choosing.
  const hantLoads = () => page.evaluate(() => performance.getEntriesByName('companion:hant-load').map((e) => e.duration));
  const loadsBefore = (await hantLoads()).length;
  const changedAt = await popup.evaluate(() => {
    const el = document.querySelector<HTMLSelectElement>('select[name="chineseScript"]')!;
    el.value = 'traditional';
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return performance.timeOrigin + performance.now();
  });
  await page.waitForFunction(() => (window.__bench as { at?: number }).at);
  const hantMs = (await page.evaluate(() => (window.__bench as { at: number }).at)) - changedAt;
  const loads = await hantLoads();
  report.set('traditional', { switchMs: hantMs, loadsBeforeChoosing: loadsBefore, loadsAfter: loads.length, fetchAndApplyMs: loads[0] });
  report.row(
    'switch to Traditional: popup change → panel shows it (of which fetch + convert)',
    `${ms(hantMs)} (${ms(loads[0] ?? NaN)})`,
    'loaded only when chosen',
    loadsBefore === 0 && loads.length === 1,
  );
  // Back to Simplified, so what runs next sees the default.
  await popup.evaluate(() => {
    const el = document.querySelector<HTMLSelectElement>('select[name="chineseScript"]')!;
    el.value = 'simplified';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await popup.close();
}
