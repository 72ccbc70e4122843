/** Issue 5: the side panel — seek by line and chapter, terms, search, export, follow, keyboard, fullscreen, a11y. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { activeLine, expect, fixture, gotoTalk, lineAction, media, panel, test } from './harness';
import { openPopup } from './browser';
import { exportJson } from './cues';

const starts = (page: Page) => media.state(page).then((s) => exportJson(s.duration).segments);

test('clicking a line seeks to its start and makes it current', async ({ page }) => {
  await gotoTalk(page);
  const segs = await starts(page);
  for (const id of ['s042', 's188', 's011']) {
    await panel(page).locator(`[data-segment-id="${id}"] > p`).first().click();
    const want = segs.find((s) => s.id === id)!.start;
    await expect.poll(async () => Math.abs((await media.state(page)).t - want)).toBeLessThanOrEqual(0.05);
    await expect(activeLine(page)).toHaveAttribute('data-segment-id', id);
  }
});

test('per line: copy as Markdown with a ?p=6&t= link, and show the original ASR text', async ({ page, harness }) => {
  await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.bilibili.com' });
  await gotoTalk(page);
  const segs = await starts(page);
  const line = await lineAction(page, 's005', '复制为 Markdown');
  await expect(panel(page).getByRole('status')).toHaveText('已复制');
  const t = Math.floor(segs[4]!.start);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `> 还有很多可能登上舞台的范式，比如说Mamba。\n>\n> — 主持人, [0:${String(t).padStart(2, '0')}](https://www.bilibili.com/video/BV1DS411w7hz?p=6&t=${t})`,
  );
  await lineAction(page, 's005', '显示原始识别文本');
  await expect(line.locator('.orig')).toHaveText('原始识别：还有很多可能登上舞台的范式，比如说MANA，');
  await expect(panel(page).locator('.orig')).toHaveCount(1);
});

test("optional term cards (off by default) show the active line's term in the player corner", async ({ page, harness }) => {
  await gotoTalk(page);
  const segs = await starts(page);
  await media.seek(page, segs.find((x) => x.id === 's005')!.start + 0.2);
  await expect(page.locator('[data-term-card]')).toHaveCount(0);
  const popup = await openPopup(harness.context, harness.extensionId);
  await popup.locator('input[name="termCards"]').check();
  const card = page.locator('.bpx-player-container [data-term-card="mamba"]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Mamba');
  await popup.locator('input[name="termCards"]').uncheck();
  await expect(page.locator('[data-term-card]')).toHaveCount(0);
});

test('clicking a chapter seeks to its start and marks it current', async ({ page }) => {
  await gotoTalk(page);
  const segs = await starts(page);
  await panel(page).getByRole('tab', { name: '章节' }).click();
  const chapter = panel(page).locator('[data-chapter-id="c06"]');
  await chapter.getByRole('button').click();
  const target = segs.find((s) => s.id === 's078')!;
  await expect.poll(async () => Math.abs((await media.state(page)).t - target.start)).toBeLessThanOrEqual(0.05);
  await expect(chapter).toHaveAttribute('aria-current', 'true');
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's078');
  await expect(panel(page).locator('[data-chapter-id][aria-current="true"]')).toHaveCount(1);
});

test('a click anywhere on a chapter card jumps, the title is its one control, and selecting its text does not jump', async ({ page }) => {
  await gotoTalk(page);
  const segs = await starts(page);
  const chapters = JSON.parse(readFileSync('assets/talk/chapters.json', 'utf8')) as { id: string; segmentId: string }[];
  await panel(page).getByRole('tab', { name: '章节' }).click();
  const [first, second] = [chapters[3]!, chapters[9]!];
  const startOf = (c: { segmentId: string }) => segs.find((s) => s.id === c.segmentId)!.start;
  const card = panel(page).locator(`[data-chapter-id="${first.id}"]`);
  await card.locator('.summary').first().click();
  await expect.poll(async () => Math.abs((await media.state(page)).t - startOf(first))).toBeLessThanOrEqual(0.05);
  await expect(card).toHaveAttribute('aria-current', 'true');
  // One focusable control per chapter; Enter on it jumps.
  expect(await card.evaluate((li) => li.querySelectorAll('button, a[href], [tabindex]').length)).toBe(1);
  const other = panel(page).locator(`[data-chapter-id="${second.id}"]`);
  await other.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => Math.abs((await media.state(page)).t - startOf(second))).toBeLessThanOrEqual(0.05);
  // Dragging across another card's summary selects its text and stays put.
  const summary = card.locator('.summary').first();
  await summary.scrollIntoViewIfNeeded();
  const box = (await summary.boundingBox())!;
  // Along the first line (a two-line summary has the gap between lines at its middle).
  await page.mouse.move(box.x + 4, box.y + 7);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 4, box.y + 7, { steps: 8 });
  await page.mouse.up();
  const selected = await card.evaluate((li) => (li.getRootNode() as unknown as { getSelection(): Selection }).getSelection().toString());
  expect(selected.length).toBeGreaterThan(3);
  await page.waitForTimeout(300);
  expect(Math.abs((await media.state(page)).t - startOf(second))).toBeLessThanOrEqual(0.5);
});

test('a term popover opens by click and by keyboard, shows the short explanation, and Esc closes it', async ({ page }) => {
  await gotoTalk(page);
  const glossary = JSON.parse(readFileSync('assets/talk/glossary.json', 'utf8')) as { id: string; short: string; en: string }[];
  const mamba = glossary.find((t) => t.id === 'mamba')!;
  const term = panel(page).locator('[data-term-id="mamba"]').first();
  await term.click();
  const dialog = panel(page).getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(mamba.short);
  await expect(dialog).toContainText(mamba.en);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(term).toBeFocused();
  // Keyboard: focus the term, Enter.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '更多' }).click();
  await expect(dialog.locator('.pop-more a').first()).toHaveAttribute('href', /^https:\/\//);
  await dialog.getByRole('button', { name: /提及/ }).click();
  await expect(dialog.locator('.mentions button')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // It does not cover the active line, even for a term inside that line.
  await media.seek(page, (await starts(page)).find((x) => x.id === 's069')!.start + 0.5);
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's069');
  await activeLine(page).locator('[data-term-id]').first().click();
  const [pop, act] = await Promise.all([panel(page).getByRole('dialog').boundingBox(), activeLine(page).boundingBox()]);
  expect(pop!.y >= act!.y + act!.height || pop!.y + pop!.height <= act!.y).toBe(true);
  await page.keyboard.press('Escape');
  // One at a time: opening another replaces it.
  await panel(page).locator('[data-term-id="transformer"]').first().click();
  await panel(page).locator('[data-term-id="diffusion-model"]').first().click();
  await expect(panel(page).getByRole('dialog')).toHaveCount(1);
  await expect(panel(page).getByRole('dialog')).toHaveAttribute('data-popover-term', 'diffusion-model');
});

test("a term whose entry rests on an inference says so in its popover, before 'more'; a plain term does not", async ({ page }) => {
  await gotoTalk(page);
  const glossary = JSON.parse(readFileSync('assets/talk/glossary.json', 'utf8')) as { id: string; uncertain?: string }[];
  const inferred = glossary.find((t) => t.id === 'sd3')!;
  expect(inferred.uncertain).toBeTruthy();
  await panel(page).locator('[data-term-id="sd3"]').first().click();
  const dialog = panel(page).getByRole('dialog');
  await expect(dialog.locator('.unc-note')).toContainText('存疑');
  await expect(dialog.locator('.unc-note')).toContainText(inferred.uncertain!);
  await page.keyboard.press('Escape');
  expect(glossary.find((t) => t.id === 'mamba')!.uncertain).toBeUndefined();
  await panel(page).locator('[data-term-id="mamba"]').first().click();
  await expect(panel(page).getByRole('dialog')).toBeVisible();
  await expect(panel(page).getByRole('dialog').locator('.unc-note')).toHaveCount(0);
});

test("a line's ⋯ menu says, without hover, how its speaker was labelled and what is unsure in it (keyboard)", async ({ page }) => {
  await gotoTalk(page);
  const read = <T>(f: string): T => JSON.parse(readFileSync(`assets/talk/${f}`, 'utf8')) as T;
  const segments = read<{ id: string; speaker: string; uncertain?: string }[]>('segments.json');
  const speakers = read<{ id: string; name: string; note?: string }[]>('speakers.json');
  const unsure = segments.find((s) => s.uncertain && speakers.find((p) => p.id === s.speaker)?.note)!;
  const plain = segments.find((s) => !s.uncertain)!;
  const menuOf = async (id: string) => {
    await panel(page).locator(`[data-segment-id="${id}"] .more`).focus();
    await page.keyboard.press('Enter');
    const menu = panel(page).getByRole('menu');
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    return menu;
  };
  const menu = await menuOf(unsure.id);
  const notes = panel(page).locator('.line-notes');
  const speaker = speakers.find((p) => p.id === unsure.speaker)!;
  await expect(notes.locator('.speaker-note')).toContainText(speaker.name);
  await expect(notes.locator('.speaker-note')).toContainText(speaker.note!);
  await expect(notes.locator('.unc-note')).toContainText(unsure.uncertain!);
  await expect(menu).toHaveAttribute('aria-describedby', (await notes.getAttribute('id'))!);
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('menu')).toHaveCount(0);
  await menuOf(plain.id);
  await expect(notes.locator('.unc-note')).toHaveCount(0);
});

test('search finds "Mamba", "kuosan" and "scaling law", and Enter seeks', async ({ page }) => {
  await gotoTalk(page);
  await panel(page).getByRole('tab', { name: '搜索' }).click();
  const box = panel(page).getByRole('searchbox', { name: '搜索' });
  const results = panel(page).locator('[data-result-segment]');
  await box.fill('Mamba');
  await expect(results.first()).toContainText('Mamba');
  await box.fill('kuosan');
  await expect(results.first().locator('mark')).toHaveText('扩散');
  await box.fill('scaling law');
  await expect(results.first()).toContainText(/Scaling Law/i);
  const id = await results.first().getAttribute('data-result-segment');
  await box.press('Enter');
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', id!);
  await box.fill('没有这个词zzz');
  await expect(panel(page).getByText('没有找到“没有这个词zzz”')).toBeVisible();
});

test('each export downloads and parses', async ({ page }) => {
  await gotoTalk(page);
  for (const [format, check] of [
    ['json', (s: string) => expect((JSON.parse(s) as { segments: unknown[] }).segments).toHaveLength(305)],
    ['md', (s: string) => expect(s).toMatch(/^# .*\n[\s\S]*## .*\(https:\/\/www\.bilibili\.com\/video\/BV1DS411w7hz\?p=6&t=\d+\)/)],
    ['srt', (s: string) => expect(s.split('\n\n').filter(Boolean)).toHaveLength(305)],
    ['vtt', (s: string) => expect(s.startsWith('WEBVTT\n\n') && s.split('\n\n').length === 306).toBe(true)],
  ] as const) {
    await panel(page).getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), panel(page).locator(`[data-export="${format}"]`).click()]);
    expect(download.suggestedFilename()).toBe(`BV1DS411w7hz-p6.${format}`);
    let text = '';
    for await (const chunk of await download.createReadStream()) text += (chunk as Buffer).toString('utf8');
    check(text);
  }
});

test('follow pauses on a user scroll and resumes from "back to now"', async ({ page }) => {
  await gotoTalk(page);
  await media.seek(page, 1200);
  await media.play(page);
  const list = panel(page).locator('.lines');
  const centred = async () =>
    list.evaluate((el) => {
      const line = el.querySelector('[aria-current="true"]') as HTMLElement;
      const a = el.getBoundingClientRect();
      const b = line.getBoundingClientRect();
      return Math.abs(b.top + b.height / 2 - (a.top + a.height / 2)) < a.height / 3;
    });
  await expect.poll(centred).toBe(true);
  await list.hover();
  await page.mouse.wheel(0, -2500);
  const back = panel(page).getByRole('button', { name: '回到当前' });
  await expect(back).toBeVisible();
  await page.waitForTimeout(800);
  expect(await centred()).toBe(false);
  await back.click();
  await expect(back).toHaveCount(0);
  await expect.poll(centred).toBe(true);
});

test('shortcuts move by line and chapter, focus search, toggle the panel — and stay silent while typing', async ({ page }) => {
  await gotoTalk(page);
  const segs = await starts(page);
  await media.seek(page, segs[10]!.start + 0.1);
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's011');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+j');
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's012');
  await page.keyboard.press('Alt+k');
  await page.keyboard.press('Alt+k');
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's010');
  await page.keyboard.press('Alt+Shift+J');
  await expect(activeLine(page)).toHaveAttribute('data-segment-id', 's016');
  await page.keyboard.press('Alt+/');
  const box = panel(page).getByRole('searchbox', { name: '搜索' });
  await expect(box).toBeFocused();
  const before = (await media.state(page)).t;
  await page.keyboard.press('Alt+j');
  await page.keyboard.type('fd');
  await expect(box).toHaveValue('fd');
  expect((await media.state(page)).t).toBe(before);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+l');
  await expect(panel(page).locator('.tabs')).toHaveCount(0);
  await page.keyboard.press('Alt+l');
  await expect(panel(page).locator('.tabs')).toHaveCount(1);
});

test('everything is reachable by Tab with a visible focus ring', async ({ page }) => {
  await gotoTalk(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || !el.closest('.panel')) return null;
      const s = getComputedStyle(el);
      return {
        key: el.getAttribute('role') ?? el.className.split(' ')[0] ?? el.tagName,
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1,
      };
    });
    if (info) {
      expect(info.outline, info.key).toBe(true);
      seen.add(info.key);
    }
  }
  // Header, tabs, a line's time button, a term, the line actions.
  expect([...seen]).toEqual(expect.arrayContaining(['icon', 'tab', 'ts', 'term', 'more']));
});

test.describe('in web-fullscreen', () => {
  test('a compact overlay with the current line and term chips sits inside the player, and expands to the full panel', async ({ page }) => {
    await gotoTalk(page);
    await media.seek(page, (await starts(page)).find((s) => s.id === 's005')!.start + 0.2);
    await page.evaluate(() => (window as unknown as { __fx: { setScreen(m: string): void } }).__fx.setScreen('web'));
    const overlay = page.locator('.bpx-player-container [data-overlay]');
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('Mamba');
    await expect(overlay.locator('[data-term-id="mamba"]')).toBeVisible();
    await overlay.getByRole('button', { name: '展开面板' }).click();
    await expect(page.locator('.bpx-player-container [role="complementary"] [role="tablist"]')).toBeVisible();
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[role=complementary]'))!;
    type Node = { target: string[][]; failureSummary: string };
    const run = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: Node[] }[] }> };
      }
    ).axe.run;
    const r = await run({ include: [[host.tagName.toLowerCase()]] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary.split('\n').slice(1).join(' ')}`),
    }));
  });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${theme} theme`, () => {
    test.use({ extLaunch: { colorScheme: theme } });
    test.beforeEach(async ({ page }) => fixture(page, { theme }));
    test('axe finds no serious or critical violations in the panel', async ({ page }) => {
      await gotoTalk(page);
      await media.seek(page, 300);
      const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad).toEqual([]);
      await panel(page).locator('[data-term-id]').first().click();
      await panel(page).getByRole('tab', { name: '术语' }).click();
      expect((await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    });
  });
}
