/**
 * Highlight lag at a segment boundary, on a 10 fps video at 1× and 4×, against two references
 * read in the page's animation frame (which runs after every video-frame callback of the same
 * rendering update, the extension's included):
 * - presented: the first frame whose `mediaTime` (requestVideoFrameCallback) passes the boundary,
 *   i.e. the frame that shows it — the one the highlight should land on;
 * - currentTime: the first frame at which `currentTime` passes it.
 * Each crossing: seek to just before a boundary while playing, then let playback cross it.
 * A lag of 0 means the highlight was in the DOM for that very frame.
 */
import { ensureVideo } from '../../tests/e2e/media';
import { loadTalk, segmentStarts, type Bench } from './context';
import { ms, pct, type Report } from './report';

const VIDEO = 'talk-10fps.webm';
const CROSSINGS = Number(process.env.BENCH_CROSSINGS ?? 40);

interface Crossing {
  vsPresented: number;
  vsCurrentTime: number;
  records: number;
}

export async function measureHighlight(bench: Bench, report: Report): Promise<void> {
  ensureVideo(VIDEO, 10);
  const page = await bench.context.newPage();
  await page.addInitScript((url) => void (window.__FX = { mediaUrl: url }), `/__fixture/media/${VIDEO}`);
  await loadTalk(page);
  const { starts, ids } = await segmentStarts(page);
  await page.evaluate(
    ([st, idList]) => {
      const v = window.__fx.media()!;
      const root = window.__panelRoot!()!;
      let presented = -1;
      const onVideoFrame = (_: number, meta: { mediaTime: number }): void => {
        presented = meta.mediaTime;
        v.requestVideoFrameCallback(onVideoFrame);
      };
      v.requestVideoFrameCallback(onVideoFrame);
      const probe = { want: -1, presentedAt: 0, currentAt: 0, shownAt: 0, records: [] as number[], done: [] as unknown[] };
      new MutationObserver((rs) => {
        const now = performance.now();
        // Every record counts (the per-second time readout aside): the old and the new line are two.
        for (const r of rs) if (r.type !== 'characterData') probe.records.push(now);
      }).observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
      const shown = (): string | undefined => root.querySelector<HTMLElement>('.line[aria-current="true"]')?.dataset.segmentId;
      const tick = (now: number): void => {
        const w = probe.want;
        if (w >= 0) {
          if (!probe.presentedAt && presented >= st[w]!) probe.presentedAt = now;
          if (!probe.currentAt && v.currentTime >= st[w]!) probe.currentAt = now;
          if (!probe.shownAt && shown() === idList[w]) probe.shownAt = now;
          if (probe.presentedAt && probe.currentAt && probe.shownAt && now - probe.shownAt > 100) {
            const at = probe.shownAt;
            probe.done.push({
              vsPresented: at - probe.presentedAt,
              vsCurrentTime: at - probe.currentAt,
              records: probe.records.filter((t) => t >= at - 20 && t <= at + 20).length,
            });
            probe.want = -1;
          }
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.__bench = probe;
    },
    [starts, ids] as const,
  );

  const out: Record<string, Crossing[]> = {};
  for (const rate of [1, 4]) {
    const runs: Crossing[] = [];
    await page.evaluate(async (r) => {
      const v = window.__fx.media()!;
      v.playbackRate = r;
      await v.play();
    }, rate);
    for (let k = 0; k < CROSSINGS; k++) {
      const i = 5 + ((k * 37) % (starts.length - 10));
      const lead = Math.min(0.5 * rate, ((starts[i] ?? 0) - (starts[i - 1] ?? 0)) / 2);
      const done = await page.evaluate(
        async ([at, want]) => {
          const v = window.__fx.media()!;
          const probe = window.__bench as {
            want: number;
            presentedAt: number;
            currentAt: number;
            shownAt: number;
            records: number[];
            done: unknown[];
          };
          probe.want = -1;
          v.currentTime = at;
          await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
          await new Promise((r) => setTimeout(r, 60));
          Object.assign(probe, { presentedAt: 0, currentAt: 0, shownAt: 0, want });
          probe.records.length = 0;
          const n = probe.done.length;
          const until = performance.now() + 6000;
          while (probe.done.length === n && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
          return probe.done.length > n ? (probe.done[n] as Crossing) : null;
        },
        [(starts[i] ?? 0) - lead, i] as const,
      );
      if (done) runs.push(done);
    }
    await page.evaluate(() => window.__fx.media()!.pause());
    out[`${rate}x`] = runs;
    const lagP = runs.map((r) => Math.max(0, r.vsPresented));
    const lagC = runs.map((r) => Math.max(0, r.vsCurrentTime));
    const early = runs.filter((r) => r.vsPresented < 0).length;
    report.row(
      `highlight lag vs the presented frame, 10 fps at ${rate}× (${runs.length}/${CROSSINGS}; early ${early}) p50 / p95 / max`,
      `${ms(pct(lagP, 50))} / ${ms(pct(lagP, 95))} / ${ms(Math.max(...lagP))}`,
      'p95 ≤ 17 ms, never early',
      pct(lagP, 95) <= 17 && early === 0 && runs.length >= CROSSINGS * 0.9,
    );
    report.row(
      `highlight lag vs currentTime per frame, 10 fps at ${rate}× p50 / p95 / max`,
      `${ms(pct(lagC, 50))} / ${ms(pct(lagC, 95))} / ${ms(Math.max(...lagC))}`,
      'reported',
      null,
    );
  }
  const touched = Object.values(out)
    .flat()
    .map((r) => r.records);
  report.set('highlight', out);
  report.row(
    'DOM mutation records per crossing (mean / max)',
    `${(touched.reduce((a, b) => a + b, 0) / Math.max(1, touched.length)).toFixed(1)} / ${Math.max(...touched)}`,
    'O(1): old + new line',
    Math.max(...touched) <= 4,
  );
  await page.close();
}
