/** The layer rules of ARCHITECTURE.md are enforced by ESLint: a violation in each layer is reported. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const lint = async (file: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
};

describe('import boundaries', () => {
  it('lib/ may not import the page adapter, the UI, WXT or the browser', async () => {
    for (const spec of ['../bilibili/route', '../components/Panel', 'wxt/browser', 'webextension-polyfill', 'preact']) {
      expect(await lint('lib/x.ts', `import { a } from '${spec}';\nexport const b = a;\n`)).toEqual([
        expect.stringContaining('no-restricted-imports'),
      ]);
    }
  });
  it('bilibili/ may not import components/', async () => {
    expect(await lint('bilibili/x.ts', "import { a } from '../components/Panel';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
  });
  it('components/ may not use Bilibili selectors', async () => {
    expect(await lint('components/x.ts', "import { SELECTORS } from '../bilibili/selectors';\nexport const b = SELECTORS;\n")).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
    expect(await lint('components/x.ts', "export const q = (d: Document) => d.querySelector('.bpx-player-container');\n")).toEqual([
      expect.stringContaining('no-restricted-syntax'),
    ]);
  });
  it('entrypoints/ only wire (no lib/ imports)', async () => {
    expect(await lint('entrypoints/x.ts', "import { a } from '../lib/export';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
  });
  it('no eval, no new Function, no innerHTML anywhere', async () => {
    expect(await lint('components/y.ts', 'export const f = (s: string) => eval(s);\n')).toEqual([expect.stringContaining('no-eval')]);
    expect(await lint('components/y.ts', "export const f = new Function('return 1');\n")).not.toHaveLength(0);
    expect(await lint('bilibili/y.ts', 'export const f = (e: Element, s: string) => { e.innerHTML = s; };\n')).toEqual([
      expect.stringContaining('no-restricted-properties'),
    ]);
  });
  // components/ by role (docs/ARCHITECTURE.md): each folder's rule fires on what it may not import.
  const forbidden: [string, string][] = [
    ['components/views/x.tsx', '../runtime/companion'],
    ['components/views/chapters/x.tsx', '../../runtime/panel-session'],
    ['components/views/x.tsx', '../popup/PopupApp'],
    ['components/views/x.tsx', '../../bilibili/media'],
    ['components/models/x.ts', '../views/Panel'],
    ['components/models/x.ts', '../runtime/column'],
    ['components/models/x.ts', '../dom/perf'],
    ['components/models/x.ts', 'preact'],
    ['components/dom/x.ts', '../models/talk'],
    ['components/dom/x.ts', '../i18n'],
    ['components/i18n/x.ts', '../views/context'],
    ['components/i18n/x.ts', '../dom/perf'],
    ['components/audio/x.ts', '../models/playback'],
    ['components/audio/x.ts', '../../bilibili/media'],
    ['components/popup/x.tsx', '../views/Panel'],
    ['components/popup/x.tsx', '../runtime/companion'],
    ['components/runtime/x.ts', '../popup/PopupApp'],
    ['components/runtime/x.ts', '../../bilibili/selectors'],
  ];
  it.each(forbidden)('%s may not import %s', async (file, spec) => {
    expect(await lint(file, `import { a } from '${spec}';\nexport const b = a;\n`)).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
  });
  it('what each folder may import passes', async () => {
    const allowed: [string, string][] = [
      ['components/runtime/x.ts', '../views/Panel'],
      ['components/runtime/x.ts', '../models/talk'],
      ['components/runtime/x.ts', '../../bilibili/media'],
      ['components/views/x.tsx', '../models/ui'],
      ['components/views/x.tsx', '../dom/find-target'],
      ['components/models/x.ts', '@preact/signals'],
      ['components/models/x.ts', '../../lib/timeline'],
      ['components/audio/x.ts', '../../lib/timeline'],
      ['components/popup/x.tsx', '../models/settings'],
    ];
    for (const [file, spec] of allowed) expect(await lint(file, `import { a } from '${spec}';\nexport const b = a;\n`)).toEqual([]);
    // Types may cross where a folder only needs the shape.
    expect(
      await lint('components/views/x.ts', "import type { ScreenMode } from '../../bilibili/dom';\nexport type M = ScreenMode;\n"),
    ).toEqual([]);
  });
  it('allowed imports pass', async () => {
    expect(await lint('components/z.ts', "import { findMedia } from '../bilibili/dom';\nexport const b = findMedia;\n")).toEqual([]);
  });
});
