/**
 * Every persisted item, declared once. Items are created on first use, not at import:
 * defineItem starts its migration read immediately, and a content script on someone
 * else's video page should not touch storage at all.
 */
import { storage } from 'wxt/utils/storage';
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

export const EMPTY_CALIBRATION: CalibrationRecord = { v: 1, anchors: [], offset: 0 };

const memo = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

export const settingsItem = memo(() =>
  storage.defineItem<Settings>('sync:settings', {
    fallback: { ...DEFAULT_SETTINGS },
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS as Record<number, (v: unknown) => Settings>,
  }),
);

const partKey = (bvid: string, p: number): `${string}:${number}` => `${bvid}:${p}`;

export const calibrationItem = (bvid: string, p: number) =>
  storage.defineItem<CalibrationRecord | null>(`local:calibration:${partKey(bvid, p)}`, { fallback: null });

export const subtitleCacheItem = (bvid: string, p: number) =>
  storage.defineItem<SubtitleCacheRecord | null>(`local:subtitles:${partKey(bvid, p)}`, { fallback: null });

export const hintDismissedItem = memo(() => storage.defineItem<boolean>('local:hintDismissed', { fallback: false }));
