/**
 * Term matcher: finds glossary terms in text. Leftmost-longest over a character trie, so
 * work is O(text length × longest pattern) — linear in the text for a fixed glossary.
 * Latin letters match case-insensitively, except all-capital acronyms ("AR", "RL", "SD3"),
 * which match only as written; a Latin pattern never matches inside a longer Latin word
 * ("AR" is not found in "VAR", nor "RL" in "world").
 */

export interface TermPattern {
  termId: string;
  pattern: string;
}

export interface TermMatch {
  termId: string;
  start: number;
  end: number;
}

interface Node {
  next: Map<number, Node>;
  termId: string | undefined;
  /** Set for an acronym: the text must match it exactly, case included. */
  exact: string | undefined;
}

/** All capitals and digits, at least one letter: an acronym, matched case-sensitively. */
const ACRONYM = /^(?=.*[A-Z])[A-Z0-9]+$/;

/** ASCII letters and digits: the characters that make a Latin word. */
const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** ASCII-only case folding keeps string offsets identical to the original text. */
const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

export interface TermMatcher {
  find(text: string): TermMatch[];
}

export function createTermMatcher(patterns: readonly TermPattern[]): TermMatcher {
  const root: Node = { next: new Map(), termId: undefined, exact: undefined };
  for (const { termId, pattern } of patterns) {
    if (!pattern) continue;
    let node = root;
    for (let k = 0; k < pattern.length; k++) {
      const key = fold(pattern.charCodeAt(k));
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), termId: undefined, exact: undefined };
        node.next.set(key, child);
      }
      node = child;
    }
    // First declaration wins when two terms claim the same surface form.
    if (node.termId === undefined) {
      node.termId = termId;
      if (ACRONYM.test(pattern)) node.exact = pattern;
    }
  }

  return {
    find(text) {
      const out: TermMatch[] = [];
      const n = text.length;
      let i = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        let node = root.next.get(fold(c));
        // Most positions start no term: one map lookup and move on.
        if (!node || (isWordCode(c) && i > 0 && isWordCode(text.charCodeAt(i - 1)))) {
          i++;
          continue;
        }
        let best: TermMatch | undefined;
        for (let j = i; ;) {
          if (
            node.termId !== undefined &&
            !(isWordCode(text.charCodeAt(j)) && j + 1 < n && isWordCode(text.charCodeAt(j + 1))) &&
            (node.exact === undefined || text.startsWith(node.exact, i))
          ) {
            best = { termId: node.termId, start: i, end: j + 1 };
          }
          if (++j >= n) break;
          const next = node.next.get(fold(text.charCodeAt(j)));
          if (!next) break;
          node = next;
        }
        if (best) {
          out.push(best);
          i = best.end;
        } else i++;
      }
      return out;
    },
  };
}

/** A match the pack says is not the term (e.g. 思维链 meaning one's own line of thought): term id and [start, end). */
export interface TermExclusion {
  term: string;
  at: readonly [number, number];
}

/** Drop the matches an exclusion names exactly (same term, same span); everything else stays. */
export function withoutExcluded(matches: TermMatch[], exclusions: readonly TermExclusion[] | undefined): TermMatch[] {
  if (!exclusions?.length) return matches;
  return matches.filter((m) => !exclusions.some((x) => x.term === m.termId && x.at[0] === m.start && x.at[1] === m.end));
}

/** Split text into plain runs and term runs, for rendering. */
export type Run = { text: string; termId?: string };

export function splitRuns(text: string, matches: readonly TermMatch[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) runs.push({ text: text.slice(at, m.start) });
    runs.push({ text: text.slice(m.start, m.end), termId: m.termId });
    at = m.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
