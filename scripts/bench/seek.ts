/** Seek → highlight: from setting currentTime, and after `seeked` (a highlight before `seeked` counts as 0). */
import { segmentStarts, type Bench } from './context';
import { ms, pct, type Report } from './report';

export async function measureSeek({ page }: Bench, report: Report): Promise<void> {
  const { starts, ids } = await segmentStarts(page);
  const runs = await page.evaluate(
    async ([st, idList]) => {
      const v = window.__fx.media()!;
      const root = window.__panelRoot!()!;
      const out: { fromSet: number; afterSeeked: number }[] = [];
      for (let k = 0; k < 30; k++) {
        const i = 5 + ((k * 37) % (st.length - 10));
        let setAt = 0;
        const lag = await new Promise<{ fromSet: number; afterSeeked: number }>((resolve) => {
          let seekedAt = 0;
          const mo = new MutationObserver(() => {
            if (root.querySelector<HTMLElement>('.line[aria-current="true"]')?.dataset.segmentId === idList[i]) {
              mo.disconnect();
              const now = performance.now();
              resolve({ fromSet: now - setAt, afterSeeked: seekedAt ? Math.max(0, now - seekedAt) : 0 });
            }
          });
          v.addEventListener('seeked', () => (seekedAt = performance.now()), { once: true });
          mo.observe(root, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
          setAt = performance.now();
          v.currentTime = st[i]! + 0.3;
        });
        out.push(lag);
        await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    },
    [starts, ids] as const,
  );
  const afterSeeked = runs.map((r) => r.afterSeeked);
  const fromSet = runs.map((r) => r.fromSet);
  report.set('seek', {
    p50: pct(afterSeeked, 50),
    p95: pct(afterSeeked, 95),
    max: Math.max(...afterSeeked),
    fromSetP50: pct(fromSet, 50),
    fromSetMax: Math.max(...fromSet),
  });
  report.row(
    'seek → highlight, from setting currentTime (30 seeks) p50 / max',
    `${ms(pct(fromSet, 50))} / ${ms(Math.max(...fromSet))}`,
    'reported (includes the media seek)',
    null,
  );
  report.row(
    'seek → highlight after `seeked` (30 seeks) p50 / p95 / max',
    `${ms(pct(afterSeeked, 50))} / ${ms(pct(afterSeeked, 95))} / ${ms(Math.max(...afterSeeked))}`,
    '≤ 1 frame (16.7 ms)',
    Math.max(...afterSeeked) <= 16.7,
  );
}
