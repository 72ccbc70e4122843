/** The talk pack: everything the companion knows about the talk, as plain data. */

export type SpeakerRole = 'moderator' | 'panelist' | 'audience';

export interface Speaker {
  id: string;
  /** Label as the room addresses the person (e.g. 顾老师); never an invented full name. */
  name: string;
  nameEn: string;
  role: SpeakerRole;
  /** True when the label is an inference from the discussion rather than said outright. */
  inferred: boolean;
  note?: string;
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
