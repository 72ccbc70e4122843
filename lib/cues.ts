/**
 * The raw text's own timing structure. raw.txt is a dump of ASR subtitle cues: the `，` inside
 * a paragraph separate cues (an ASR cuts a cue at a pause, or at ~20 characters), `。` + a
 * blank line ends a paragraph (a longer pause). Segments cut the raw text at arbitrary points,
 * mostly at cue ends; a segment that starts mid-cue splits that cue into two pieces.
 *
 * A *piece* is the unit both the cue-aware estimate (lib/timeline.ts) and the audio aligner
 * (lib/audio/align.ts) reason about: a run of speech with no break inside, with the break that
 * precedes it and its syllable count.
 */

/** What precedes a piece: nothing (the talk's start, or a segment cut mid-cue), a cue break, a paragraph break, a speaker turn. */
export type Break = 'none' | 'cue' | 'para' | 'turn';

export interface Piece {
  /** Index of the segment (unit) the piece belongs to. */
  unit: number;
  /** True for the first piece of its unit: the unit starts where this piece starts. */
  first: boolean;
  /** The break before the piece; a speaker turn outranks the separator. */
  before: Break;
  /** Spoken syllables: Han characters + ~2 per Latin word + ~1.5 per number. */
  syllables: number;
  han: number;
  latin: number;
  numbers: number;
}

const LATIN_WORD = /[A-Za-z]+(?:['’-][A-Za-z]+)*/g;
const NUMBER = /\d+(?:\.\d+)?/g;
const HAN_G = /\p{Script=Han}/gu;

export interface TextCounts {
  han: number;
  latin: number;
  numbers: number;
}

export function countText(text: string): TextCounts {
  return {
    han: text.match(HAN_G)?.length ?? 0,
    latin: text.match(LATIN_WORD)?.length ?? 0,
    numbers: text.match(NUMBER)?.length ?? 0,
  };
}

/** Syllables of a piece of text (one Han character is one syllable). */
export const syllablesOf = (c: TextCounts): number => c.han + 2 * c.latin + 1.5 * c.numbers;

const rank: Record<Break, number> = { none: 0, cue: 1, para: 2, turn: 3 };
const stronger = (a: Break, b: Break): Break => (rank[a] >= rank[b] ? a : b);

export interface SpokenUnit {
  source: string;
  speaker: string;
}

/**
 * Split units (segments' raw text, in order) into pieces. Pieces with no spoken content
 * (a stray separator) are dropped, their break carried to the next piece; a unit with no
 * spoken content at all gets one empty piece so every unit has a first piece.
 */
export function piecesOf(units: readonly SpokenUnit[]): Piece[] {
  const out: Piece[] = [];
  let pending: Break = 'none';
  units.forEach((u, i) => {
    if (i > 0 && units[i - 1]?.speaker !== u.speaker) pending = 'turn';
    let first = true;
    // A separator run: `，` is a cue break; `。` or a line break is a paragraph break.
    const parts = u.source.split(/([，。\n]+)/);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k] as string;
      if (k % 2 === 1) {
        pending = stronger(pending, /[。\n]/.test(part) ? 'para' : 'cue');
        continue;
      }
      const c = countText(part);
      const syllables = syllablesOf(c);
      if (syllables === 0) continue;
      out.push({ unit: i, first, before: pending, syllables, ...counts(c) });
      pending = 'none';
      first = false;
    }
    if (first) out.push({ unit: i, first: true, before: pending, syllables: 0, han: 0, latin: 0, numbers: 0 });
    if (first) pending = 'none';
  });
  return out;
}

const counts = (c: TextCounts): TextCounts => ({ han: c.han, latin: c.latin, numbers: c.numbers });
