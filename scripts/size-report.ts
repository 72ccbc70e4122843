/**
 * Size budgets of the built extension (raw and gzip), for Chrome and Firefox. Sizes are
 * deterministic, so budgets are assertions here; timings live in `npm run bench`.
 *   content script — runs on every Bilibili video page (manifest content_scripts)
 *   panel          — loaded by it, only on BV1DS411w7hz pages (+ the MAIN-world bridge)
 *   popup          — the settings popup's script
 *   talk data      — the talk pack (JSON), excluded from code budgets
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGETS = { 'content script': 30 * KB, panel: 36 * KB, popup: 25 * KB } as const;
type Group = keyof typeof BUDGETS | 'bridge' | 'talk data' | 'other';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function group(file: string, popupScripts: Set<string>): Group {
  if (file.startsWith('content-scripts/') && file.endsWith('.js')) return 'content script';
  if (file === 'panel.js') return 'panel';
  if (file === 'bridge.js') return 'bridge';
  if (popupScripts.has(file)) return 'popup';
  if (/^talk.*\.json$/.test(file)) return 'talk data';
  return 'other';
}

/** The popup's own scripts: what popup.html loads, and the chunks those import. */
function popupScripts(dir: string): Set<string> {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const found = new Set<string>();
  const queue = [...html.matchAll(/src="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  while (queue.length) {
    const file = queue.pop() as string;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/from\s*["']\.?\.?\/?([^"']+\.js)["']|import\(["']\.?\.?\/?([^"']+\.js)["']\)/g)) {
      const dep = (m[1] ?? m[2]) as string;
      queue.push(dep.startsWith('chunks/') ? dep : join('chunks', dep.replace(/^.*\//, '')));
    }
  }
  return found;
}

let failed = false;
for (const target of ['chrome-mv3', 'firefox-mv2']) {
  const dir = join('.output', target);
  let files: string[];
  try {
    files = walk(dir)
      .map((f) => relative(dir, f))
      .filter((f) => /\.(js|css|json|html)$/.test(f));
  } catch {
    console.log(`${target}: not built (skipped)`);
    continue;
  }
  const popup = popupScripts(dir);
  const totals = new Map<Group, { raw: number; gz: number }>();
  console.log(`\n${target}`);
  console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)}  group`);
  for (const f of files.sort()) {
    const buf = readFileSync(join(dir, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    const g = group(f, popup);
    const t = totals.get(g) ?? { raw: 0, gz: 0 };
    totals.set(g, { raw: t.raw + buf.length, gz: t.gz + gz });
    console.log(`  ${f.padEnd(44)} ${(buf.length / KB).toFixed(1).padStart(7)}KB ${(gz / KB).toFixed(1).padStart(7)}KB  ${g}`);
  }
  console.log(`  ${'-'.repeat(74)}`);
  for (const [g, t] of totals) {
    const budget = BUDGETS[g as keyof typeof BUDGETS];
    const over = budget !== undefined && t.gz > budget;
    if (over) failed = true;
    const note = budget === undefined ? '' : `budget ${(budget / KB).toFixed(0)}KB gzip ${over ? 'EXCEEDED' : 'ok'}`;
    console.log(`  ${g.padEnd(44)} ${(t.raw / KB).toFixed(1).padStart(7)}KB ${(t.gz / KB).toFixed(1).padStart(7)}KB  ${note}`);
  }
  const page = ['content script', 'panel', 'bridge'].reduce((n, g) => n + (totals.get(g as Group)?.gz ?? 0), 0);
  console.log(
    `  ${'on the talk page (content script + panel + bridge)'.padEnd(44)} ${''.padStart(9)} ${(page / KB).toFixed(1).padStart(7)}KB`,
  );
}
if (failed) {
  console.error('\nsize budget exceeded');
  process.exit(1);
}
