/**
 * `npx tsx scripts/check-pack.ts`: validate the pack and show how often each term and alias
 * is found (marks as shown: matches minus the pack's exclusions), the excluded matches, and
 * any mark inside a longer Latin word (there must be none).
 */
import { marksEn, marksZh, packMatchers } from '../lib/pack/term-patterns';
import { createTermMatcher, type TermMatch } from '../lib/terms';
import { loadPack } from './pack-files';

const pack = loadPack();
const matchers = packMatchers(pack.terms);
let problems = 0;
const shownZh = pack.segments.map((s) => marksZh(matchers, s));
const shownEn = pack.segments.map((s) => marksEn(matchers, s));
for (const t of pack.terms) {
  const forms = [t.term, ...(t.zh ? [t.zh] : []), ...t.aliases];
  const counts = forms.map((f) => {
    const m = createTermMatcher([{ termId: t.id, pattern: f }]);
    return pack.segments.reduce((n, s) => n + m.find(s.text).length, 0);
  });
  const n = shownZh.reduce((k, ms) => k + ms.filter((m) => m.termId === t.id).length, 0);
  const missing = t.aliases.filter((_, i) => counts[i + 1 + (t.zh ? 1 : 0)] === 0);
  if (n === 0 || missing.length) problems++;
  console.log(
    `${t.id.padEnd(28)} ${String(n).padStart(4)}  ${forms.map((f, i) => `${f}:${counts[i]}`).join('  ')}${missing.length ? `  MISSING ALIASES ${missing.join(', ')}` : ''}`,
  );
}

const WORD = /[A-Za-z0-9]/;
/** A mark that starts or ends in the middle of a Latin word ("AR" in "VAR"). */
const insideWord = (text: string, m: TermMatch): boolean =>
  (WORD.test(text[m.start] ?? '') && WORD.test(text[m.start - 1] ?? '')) ||
  (WORD.test(text[m.end - 1] ?? '') && WORD.test(text[m.end] ?? ''));
let inside = 0;
pack.segments.forEach((s, i) => {
  for (const [text, marks] of [
    [s.text, shownZh[i]!],
    [s.textEn, shownEn[i]!],
  ] as const) {
    for (const m of marks.filter((x) => insideWord(text, x))) {
      inside++;
      console.log(`INSIDE A WORD ${s.id}: "${text.slice(m.start, m.end)}" (${m.termId})`);
    }
  }
  for (const x of [...(s.noTerms ?? []), ...(s.noTermsEn ?? [])]) console.log(`excluded ${s.id}: ${x.term} [${x.at[0]}, ${x.at[1]}]`);
});
if (inside) problems++;

const total = (l: TermMatch[][]): number => l.reduce((k, ms) => k + ms.length, 0);
console.log(
  `\n${pack.segments.length} segments, ${pack.chapters.length} chapters, ${pack.terms.length} terms; ` +
    `${total(shownZh)} marks in Chinese, ${total(shownEn)} in English, ${inside} inside a longer Latin word; ${problems} problems`,
);
process.exit(problems ? 1 : 0);
