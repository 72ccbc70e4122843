/** Issue 4: the highlight follows the layered timeline — estimate, Bilibili subtitles, calibration. */
import { activeLine, expect, gotoTalk, lineAction, media, panel, test } from './harness';
import { cueTrack, exportJson, playerWithTrack } from './cues';
import { MEDIA_DURATION } from './site';

const sourceLabel = (page: import('@playwright/test').Page) => panel(page).locator('[data-timing-source]');

test('logged out (no subtitles): lines highlight at the estimated times, identical to the CLI export', async ({ page, harness }) => {
  await gotoTalk(page);
  const duration = (await media.state(page)).duration;
  expect(Math.abs(duration - MEDIA_DURATION)).toBeLessThan(1);
  const { segments, timing } = exportJson(duration);
  expect(timing).toBe('estimate');
  await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'estimate');
  const probes = Array.from({ length: 24 }, (_, k) => 5 + ((k * 997) % 2390) + 0.25);
  for (const t of probes) {
    const expected = [...segments].reverse().find((s) => s.start <= t)!;
    await media.seek(page, t);
    await expect(activeLine(page)).toHaveAttribute('data-segment-id', expected.id);
  }
  // Exactly at a boundary (start), the new line is active.
  const s = segments[150]!;
  await media.seek(page, s.start + 0.001);
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', s.id);
  expect(harness.site.api.filter((u) => u.includes('/x/player/wbi/v2'))).toHaveLength(1);
});

test.describe('with a subtitle track at x/player/wbi/v2', () => {
  const track = cueTrack(MEDIA_DURATION);
  test.use({ siteOptions: { subtitles: { player: playerWithTrack(), cues: { font_size: 0.4, body: track.body } } } });
  test('lines highlight at the aligned times', async ({ page, harness }) => {
    await gotoTalk(page);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'subtitles');
    const estimate = exportJson((await media.state(page)).duration).segments;
    let differ = 0;
    for (let i = 7; i < track.starts.length; i += 13) {
      const t = track.starts[i]! + 0.2;
      await media.seek(page, t);
      await expect(activeLine(page)).toHaveAttribute('data-segment-id', `s${String(i + 1).padStart(3, '0')}`);
      if ([...estimate].reverse().find((s) => s.start <= t)!.id !== `s${String(i + 1).padStart(3, '0')}`) differ++;
    }
    // The warp moves most probes off their estimated line: this is the subtitle layer at work.
    expect(differ).toBeGreaterThan(10);
    expect(harness.site.api.map((u) => new URL(u).hostname)).toEqual(['api.bilibili.com', 'aisubtitle.hdslb.com']);
    // The track is cached per part: a reload aligns again without asking Bilibili.
    await page.reload();
    await expect(panel(page)).toHaveCount(1);
    await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'subtitles');
    expect(harness.site.api).toHaveLength(2);
  });
});

test('anchors made in the UI survive a reload, and the panel says the times are calibrated', async ({ page }) => {
  await gotoTalk(page);
  await media.seek(page, 1000);
  const line = await lineAction(page, 's120', '此句正在说');
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's120');
  await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'calibrated');
  await expect(line.locator('.ts')).toHaveText('16:40');
  await page.reload();
  await expect(panel(page)).toHaveCount(1);
  await media.ready(page);
  await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'calibrated');
  await expect(panel(page).locator('[data-segment-id="s120"] .ts')).toHaveText('16:40');
  await media.seek(page, 1000.2);
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's120');
  // Nudge and reset.
  await panel(page).getByRole('button', { name: '整体推后 0.5 秒' }).click();
  await expect(panel(page).getByText('偏移 +0.5 秒')).toBeVisible();
  await panel(page).getByRole('button', { name: '重置校准' }).click();
  await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'estimate');
});

const BAD: [string, { player?: unknown; cues?: unknown }, number][] = [
  ['network error', { player: 'network' }, 2],
  ['HTTP 412', { player: 412 }, 1],
  ['code != 0', { player: { code: -400, message: 'bad' } }, 1],
  ['malformed JSON', { player: '{"code":0,"data":' }, 1],
  ['wrong cid', { player: playerWithTrack(123) }, 1],
  [
    'cues past the duration',
    {
      player: playerWithTrack(),
      cues: {
        body: [
          { from: 1, to: 2, content: '好' },
          { from: 9000, to: 9001, content: '了' },
        ],
      },
    },
    2,
  ],
  [
    '100,000 cues',
    {
      player: playerWithTrack(),
      cues: { body: Array.from({ length: 100_000 }, (_, i) => ({ from: i / 50, to: i / 50 + 0.01, content: '字' })) },
    },
    2,
  ],
  ['non-finite times', { player: playerWithTrack(), cues: '{"body":[{"from":1,"to":1e999,"content":"a"}]}' }, 2],
  [
    'markup in cue text',
    { player: playerWithTrack(), cues: { body: [{ from: 1, to: 2, content: '<img src=x onerror="window.__pwned=1">好' }] } },
    2,
  ],
];

for (const [name, subtitles, requests] of BAD) {
  test.describe(`bad subtitle input: ${name}`, () => {
    test.use({ siteOptions: { subtitles } });
    test('the estimate stays; at most one warning; no retry storm; nothing injected', async ({ page, harness }) => {
      await gotoTalk(page);
      await page.waitForTimeout(name === 'network error' ? 2500 : 800);
      await expect(sourceLabel(page)).toHaveAttribute('data-timing-source', 'estimate');
      const { segments } = exportJson((await media.state(page)).duration);
      await media.seek(page, segments[100]!.start + 0.5);
      await expect(activeLine(page)).toHaveAttribute('data-segment-id', segments[100]!.id);
      expect(harness.site.api).toHaveLength(requests);
      expect(harness.consoleWarnings.filter((w) => w.includes('[companion]')).length).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    });
  });
}
