/** `npx tsx scripts/check-pack.ts`: validate the pack and show how often each term and alias is found. */
import { createTermMatcher } from '../lib/terms';
import { loadPack } from './pack-files';

const pack = loadPack();
let problems = 0;
for (const t of pack.terms) {
  const forms = [t.term, ...(t.zh ? [t.zh] : []), ...t.aliases];
  const counts = forms.map((f) => {
    const m = createTermMatcher([{ termId: t.id, pattern: f }]);
    return pack.segments.reduce((n, s) => n + m.find(s.text).length, 0);
  });
  const total = createTermMatcher(forms.map((pattern) => ({ termId: t.id, pattern })));
  const n = pack.segments.reduce((k, s) => k + total.find(s.text).length, 0);
  const missing = t.aliases.filter((_, i) => counts[i + 1 + (t.zh ? 1 : 0)] === 0);
  if (n === 0 || missing.length) problems++;
  console.log(
    `${t.id.padEnd(28)} ${String(n).padStart(4)}  ${forms.map((f, i) => `${f}:${counts[i]}`).join('  ')}${missing.length ? `  MISSING ALIASES ${missing.join(', ')}` : ''}`,
  );
}
console.log(
  `\n${pack.segments.length} segments, ${pack.chapters.length} chapters, ${pack.terms.length} terms; ${problems} terms with problems`,
);
process.exit(problems ? 1 : 0);
