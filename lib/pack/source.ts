import type { TimedUnit } from '../timeline';
import type { Segment, TalkPack } from './types';

/** The verbatim raw ASR text a segment was cleaned from. */
export const segmentSource = (pack: TalkPack, seg: Segment): string => pack.raw.slice(seg.span[0], seg.span[1]);

/** What the timeline weighs: each segment's spoken (raw) text and its speaker. */
export const timedUnits = (pack: TalkPack): TimedUnit[] =>
  pack.segments.map((s) => ({ source: segmentSource(pack, s), speaker: s.speaker }));
