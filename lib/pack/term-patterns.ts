/**
 * Which surface forms mark which glossary term, in the Chinese and the English text, and the
 * marks a segment actually shows (matches minus the pack's exclusions). One place for the
 * view, the validator, the pack checks and the tests, so they all see the same marks.
 */
import { createTermMatcher, withoutExcluded, type TermMatch, type TermMatcher, type TermPattern } from '../terms';
import type { Segment, Term } from './types';

/** Printable ASCII (and the middle dot of DALL·E): a form that can occur in English text. */
const LATIN = /^[\x20-\x7E·]+$/;

/** Chinese text: the canonical term, its Chinese name and its aliases. */
export function zhPatterns(terms: readonly Term[]): TermPattern[] {
  return terms.flatMap((t) => [t.term, ...(t.zh ? [t.zh] : []), ...t.aliases].map((pattern) => ({ termId: t.id, pattern })));
}

/** English text: the Latin forms among the term, its English name, English aliases and Chinese-text aliases. */
export function enPatterns(terms: readonly Term[]): TermPattern[] {
  return terms.flatMap((t) =>
    [t.term, t.en, ...t.aliasesEn, ...t.aliases.filter((a) => LATIN.test(a))]
      .filter((p) => LATIN.test(p))
      .map((pattern) => ({ termId: t.id, pattern })),
  );
}

export interface PackMatchers {
  zh: TermMatcher;
  en: TermMatcher;
}

export function packMatchers(terms: readonly Term[]): PackMatchers {
  return { zh: createTermMatcher(zhPatterns(terms)), en: createTermMatcher(enPatterns(terms)) };
}

/** The term marks of a segment's Chinese text. */
export const marksZh = (m: PackMatchers, seg: Segment): TermMatch[] => withoutExcluded(m.zh.find(seg.text), seg.noTerms);

/** The term marks of a segment's English text. */
export const marksEn = (m: PackMatchers, seg: Segment): TermMatch[] => withoutExcluded(m.en.find(seg.textEn), seg.noTermsEn);
