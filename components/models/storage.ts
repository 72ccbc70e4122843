/**
 * Every persisted item, declared once. Nothing here touches storage until an item is read
 * or written: a content script on someone else's video page should not touch storage at all.
 */
import { defineItem } from './store';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings } from '../../lib/settings';

export interface CalibrationRecord {
  v: 1;
  /** Anchors by segment id (stable across pack edits), time in seconds. */
  anchors: { segmentId: string; time: number }[];
  offset: number;
}

export interface SubtitleCacheRecord {
  v: 1;
  cid: number;
  lan: string;
  fetchedAt: number;
  cues: { from: number; to: number; text: string }[];
}

/** What listening to the part's audio derived: anchors only (nothing heard is kept). */
export interface AudioAnchorRecord {
  v: 1;
  duration: number;
  heardSeconds: number;
  anchors: { index: number; time: number; confidence: number }[];
}

export const EMPTY_CALIBRATION: CalibrationRecord = { v: 1, anchors: [], offset: 0 };

const memo = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

export const settingsItem = memo(() =>
  defineItem<Settings>('sync:settings', {
    fallback: { ...DEFAULT_SETTINGS },
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  }),
);

const partKey = (bvid: string, p: number): `${string}:${number}` => `${bvid}:${p}`;

export const calibrationItem = (bvid: string, p: number) =>
  defineItem<CalibrationRecord | null>(`local:calibration:${partKey(bvid, p)}`, { fallback: null });

export const subtitleCacheItem = (bvid: string, p: number) =>
  defineItem<SubtitleCacheRecord | null>(`local:subtitles:${partKey(bvid, p)}`, { fallback: null });

export const hintDismissedItem = memo(() => defineItem<boolean>('local:hintDismissed', { fallback: false }));

export const audioAnchorsItem = (bvid: string, p: number) =>
  defineItem<AudioAnchorRecord | null>(`local:audio:${partKey(bvid, p)}`, { fallback: null });
