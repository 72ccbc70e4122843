/** The talk pack: everything the companion knows about the talk, as plain data. */
import type { TermExclusion } from '../terms';

export type { TermExclusion };

export type SpeakerRole = 'moderator' | 'panelist' | 'audience';

export interface Speaker {
  id: string;
  /** Label as the room addresses the person (e.g. 顾老师); never an invented full name. */
  name: string;
  nameEn: string;
  role: SpeakerRole;
  /** True when the label is an inference from the discussion rather than said outright. */
  inferred: boolean;
  /** How the label and the attribution were arrived at (shown with the speaker label); required when inferred. */
  note?: string;
  noteEn?: string;
}

export interface Segment {
  id: string;
  speaker: string;
  /** [start, end) offsets into raw.txt (UTF-16 code units); all spans tile the body exactly. */
  span: readonly [number, number];
  text: string;
  textEn: string;
  /** Present when a word or the attribution could not be recovered; says what is unsure. */
  uncertain?: string;
  /**
   * Matches in `text` (resp. `textEn`) that are not the glossary term, e.g. a homonym in
   * ordinary use: term id and [start, end) in that text. Each must name an actual match.
   */
  noTerms?: TermExclusion[];
  noTermsEn?: TermExclusion[];
}

export interface Chapter {
  id: string;
  segmentId: string;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
}

export interface Link {
  title: string;
  url: string;
}

export interface Term {
  id: string;
  term: string;
  zh: string | null;
  en: string;
  /** Forms that occur in the cleaned Chinese text (Latin matched case-insensitively). */
  aliases: string[];
  /** Extra forms for the English text. */
  aliasesEn: string[];
  short: string;
  long: string;
  shortEn: string;
  longEn: string;
  links: Link[];
  related: string[];
  usage: string;
  usageEn: string;
  /** Present when part of the entry (what the speaker refers to, a date) is an inference: says what. */
  uncertain?: string;
}

export interface VideoRef {
  bvid: string;
  p: number;
  title: string;
}

export interface TalkPack {
  video: VideoRef;
  raw: string;
  speakers: Speaker[];
  segments: Segment[];
  chapters: Chapter[];
  terms: Term[];
}

/** The files of assets/talk/, as parsed JSON (untyped until validated). */
export interface PackFiles {
  raw: string;
  meta: unknown;
  speakers: unknown;
  segments: unknown;
  chapters: unknown;
  glossary: unknown;
}
