/** Playback at 1×: the extension's main-thread time per played frame, and long tasks. */
import type { Bench } from './context';
import { profile } from './profile';
import { ms, type Report } from './report';

const PLAY_SECONDS = Number(process.env.BENCH_PLAY_SECONDS ?? 60);

export async function measurePlayback({ page, cdp }: Bench, report: Report): Promise<void> {
  await page.evaluate(() => {
    const v = window.__fx.media()!;
    const probe = { frames: 0, longTasks: [] as number[], loaf: [] as { duration: number; ext: boolean }[] };
    const onFrame = (): void => {
      probe.frames++;
      v.requestVideoFrameCallback(onFrame);
    };
    v.requestVideoFrameCallback(onFrame);
    new PerformanceObserver((l) => l.getEntries().forEach((e) => probe.longTasks.push(e.duration))).observe({ type: 'longtask' });
    try {
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => {
          const scripts = (e as unknown as { scripts?: { sourceURL: string }[] }).scripts ?? [];
          probe.loaf.push({ duration: e.duration, ext: scripts.some((s) => s.sourceURL.startsWith('chrome-extension://')) });
        }),
      ).observe({ type: 'long-animation-frame' });
    } catch {
      /* a Chromium without long-animation-frame entries */
    }
    window.__bench = probe;
  });
  await page.evaluate(async () => {
    const v = window.__fx.media()!;
    v.currentTime = 600;
    await v.play();
  });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const b = window.__bench as { frames: number; longTasks: number[]; loaf: unknown[] };
    b.frames = 0;
    b.longTasks.length = b.loaf.length = 0;
  });
  const play = await profile(cdp, async () => {
    await page.waitForTimeout(PLAY_SECONDS * 1000);
    return page.evaluate(() => window.__bench as { frames: number; longTasks: number[]; loaf: { duration: number; ext: boolean }[] });
  });
  await page.evaluate(() => window.__fx.media()!.pause());
  const { frames, longTasks, loaf } = play.result;
  const perFrame = play.extensionMs / Math.max(1, frames);
  const loafExt = loaf.filter((l) => l.ext && l.duration > 50).length;
  report.set('playback', {
    seconds: PLAY_SECONDS,
    frames,
    extensionMs: play.extensionMs,
    perFrameMs: perFrame,
    longTasks,
    longAnimationFramesWithExtension: loafExt,
  });
  report.row(
    `extension main-thread per played frame (${frames} frames, ${PLAY_SECONDS} s)`,
    ms(perFrame),
    '≤ 0.1 ms mean',
    perFrame <= 0.1,
  );
  report.row(
    `long tasks during ${PLAY_SECONDS} s of playback (page total / with extension script)`,
    `${longTasks.length} / ${loafExt}`,
    '0 from the extension',
    loafExt === 0,
  );
}
