/** The layout written down (README's tree, docs/ARCHITECTURE.md) names every folder the code has. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');
const folders = (dir: string): string[] => readdirSync(join(ROOT, dir)).filter((n) => statSync(join(ROOT, dir, n)).isDirectory());

describe('written layout', () => {
  const doc = read('docs/ARCHITECTURE.md');
  const readme = read('README.md');
  it.each(folders('components'))('components/%s/ is described in docs/ARCHITECTURE.md and the README', (name) => {
    expect(doc).toMatch(new RegExp(`^  ${name}/`, 'm'));
    expect(readme).toContain(`${name}/`);
  });
  it('every view feature folder is named', () => {
    for (const name of folders('components/views')) expect(doc).toContain(`${name}/`);
  });
  it('every file the docs name under components/ exists', () => {
    for (const [, path] of doc.matchAll(/`(?:components\/)?((?:runtime|models|views|dom|i18n|popup)\/[\w./-]+\.tsx?)`/g)) {
      expect(existsSync(join(ROOT, 'components', path!)), path).toBe(true);
    }
  });
  it('the runtime parts the docs list exist', () => {
    const block = doc.slice(doc.indexOf('  runtime/'), doc.indexOf('  models/'));
    const names = [...block.matchAll(/\b([a-z]+(?:-[a-z]+)*)\b(?=[,\s(])/g)].map((m) => m[1]!);
    const files = readdirSync(join(ROOT, 'components/runtime')).map((f) => f.replace(/\.tsx?$/, ''));
    for (const f of files) expect(names, `runtime/${f} is not in docs/ARCHITECTURE.md`).toContain(f);
  });
});
