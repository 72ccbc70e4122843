/** Another video's page: the extension's work and DOM writes there (median of 15 loads; the first is cold). */
import type { Bench } from './context';
import { profile } from './profile';
import { ms, pct, type Report } from './report';

const OTHER = 'https://www.bilibili.com/video/BV1xx411c7mD/';

export async function measureNonTarget({ context }: Bench, report: Report): Promise<void> {
  const other = await context.newPage();
  const cdp = await context.newCDPSession(other);
  const offMs: number[] = [];
  for (let k = 0; k < 15; k++) {
    const off = await profile(cdp, async () => {
      await other.goto(OTHER);
      await other.waitForTimeout(800);
    });
    offMs.push(off.extensionMs);
  }
  const hosts = await other.evaluate(() => [...document.querySelectorAll('*')].filter((e) => /^talk-companion-/i.test(e.tagName)).length);
  report.set('nonTarget', { medianMs: pct(offMs, 50), all: offMs, hosts });
  report.row(
    'work on a non-target Bilibili page (extension main-thread), median of 15 loads',
    ms(pct(offMs, 50)),
    '≤ 1 ms, no DOM writes',
    pct(offMs, 50) <= 1 && hosts === 0,
  );
  await other.close();
}
