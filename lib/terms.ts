/**
 * Term matcher: finds glossary terms in text. Leftmost-longest over a character trie, so
 * work is O(text length × longest pattern) — linear in the text for a fixed glossary.
 * Latin letters match case-insensitively; a Latin pattern never matches inside a longer
 * Latin word ("AR" is not found in "VAR").
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
  next: Map<string, Node>;
  termId: string | undefined;
  length: number;
}

const WORD = /[A-Za-z0-9]/;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

/** ASCII-only lower-casing keeps string offsets identical to the original text. */
const foldChar = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
};

export interface TermMatcher {
  find(text: string): TermMatch[];
}

export function createTermMatcher(patterns: readonly TermPattern[]): TermMatcher {
  const root: Node = { next: new Map(), termId: undefined, length: 0 };
  for (const { termId, pattern } of patterns) {
    if (!pattern) continue;
    let node = root;
    for (const ch of pattern) {
      const key = foldChar(ch);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), termId: undefined, length: node.length + 1 };
        node.next.set(key, child);
      }
      node = child;
    }
    // First declaration wins when two terms claim the same surface form.
    node.termId ??= termId;
  }

  return {
    find(text) {
      const out: TermMatch[] = [];
      let i = 0;
      while (i < text.length) {
        const startsWord = isWordChar(text[i]);
        if (startsWord && isWordChar(text[i - 1])) {
          i++;
          continue;
        }
        let node: Node | undefined = root;
        let best: TermMatch | undefined;
        for (let j = i; j < text.length && node; j++) {
          node = node.next.get(foldChar(text[j] as string));
          if (node?.termId !== undefined) {
            const end = j + 1;
            const endsWord = isWordChar(text[j]);
            if (!(endsWord && isWordChar(text[end]))) best = { termId: node.termId, start: i, end };
          }
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
