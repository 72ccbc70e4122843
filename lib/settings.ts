/**
 * User settings: schema, defaults, migrations and a validator that keeps every valid field
 * and replaces invalid ones with defaults (a bad value never costs the user the rest).
 */
import { isFiniteNumber, isRecord, oneOf } from './guard';

export const UI_LANGUAGES = ['auto', 'zh-CN', 'en'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const PANEL_POSITIONS = ['column', 'floating'] as const;
export const TRANSCRIPT_LANGUAGES = ['zh', 'en', 'bilingual'] as const;
export const CHINESE_SCRIPTS = ['simplified', 'traditional'] as const;
export const FONT_SIZE = { min: 12, max: 20 } as const;
export const CHAPTER_SOURCES = ['talk', 'uploader'] as const;

/** v1: the first release (issue 6). */
export interface SettingsV1 {
  enabled: boolean;
  panelPosition: (typeof PANEL_POSITIONS)[number];
  fontSize: number;
  follow: boolean;
  speakerLabels: boolean;
  termMarks: boolean;
  termCards: boolean;
  showOriginal: boolean;
  language: (typeof UI_LANGUAGES)[number];
  theme: (typeof THEMES)[number];
  compactOverlay: boolean;
  shortcuts: boolean;
}

/** v2: the bilingual companion (issue 8) — transcript language and Chinese script, independent of the UI language. */
export interface SettingsV2 extends Omit<SettingsV1, 'language'> {
  uiLanguage: (typeof UI_LANGUAGES)[number];
  transcriptLanguage: (typeof TRANSCRIPT_LANGUAGES)[number];
  chineseScript: (typeof CHINESE_SCRIPTS)[number];
}

/**
 * v3: timing from the video's own audio (opt-in, off by default), and which chapters to show when
 * the uploader published their own (the companion's by default).
 */
export interface SettingsV3 extends SettingsV2 {
  listenToAlign: boolean;
  chapterSource: (typeof CHAPTER_SOURCES)[number];
}

/**
 * v4: chapter ticks over the player's progress bar, opt-in (off by default): drawn over geometry
 * measured on Bilibili's player, which is fragile, and with them on by default every visit would
 * fetch their chunk, past the visit's size budget (scripts/size-report.ts counts it then).
 */
export interface SettingsV4 extends SettingsV3 {
  chapterTicks: boolean;
}

export type Settings = SettingsV4;
export const SETTINGS_VERSION = 4;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  panelPosition: 'column',
  fontSize: 14,
  follow: true,
  speakerLabels: true,
  termMarks: true,
  termCards: false,
  showOriginal: false,
  uiLanguage: 'auto',
  theme: 'auto',
  compactOverlay: true,
  shortcuts: true,
  transcriptLanguage: 'zh',
  chineseScript: 'simplified',
  listenToAlign: false,
  chapterSource: 'talk',
  chapterTicks: false,
});

/** v1 → v2: `language` becomes `uiLanguage`; an English UI user starts with the English transcript. */
export function migrateV1toV2(v1: unknown): unknown {
  if (!isRecord(v1)) return v1;
  const { language, ...rest } = v1;
  return {
    ...rest,
    uiLanguage: language,
    transcriptLanguage: language === 'en' ? 'en' : 'zh',
    chineseScript: 'simplified',
  };
}

/** v2 → v3: the new fields start at their defaults (listening stays off until the user opts in). */
export function migrateV2toV3(v2: unknown): unknown {
  return isRecord(v2) ? { ...v2, listenToAlign: false, chapterSource: 'talk' } : v2;
}

/** v3 → v4: ticks start at their default (off until the user opts in). */
export function migrateV3toV4(v3: unknown): unknown {
  return isRecord(v3) ? { ...v3, chapterTicks: false } : v3;
}

export const SETTINGS_MIGRATIONS: Record<number, (v: unknown) => unknown> = { 2: migrateV1toV2, 3: migrateV2toV3, 4: migrateV3toV4 };

type Check = (v: unknown) => boolean;
const bool: Check = (v) => typeof v === 'boolean';
const enumOf =
  (values: readonly string[]): Check =>
  (v) =>
    oneOf(values, v);

const CHECKS: { [K in keyof Settings]: Check } = {
  enabled: bool,
  panelPosition: enumOf(PANEL_POSITIONS),
  fontSize: (v) => isFiniteNumber(v) && Number.isInteger(v) && v >= FONT_SIZE.min && v <= FONT_SIZE.max,
  follow: bool,
  speakerLabels: bool,
  termMarks: bool,
  termCards: bool,
  showOriginal: bool,
  uiLanguage: enumOf(UI_LANGUAGES),
  theme: enumOf(THEMES),
  compactOverlay: bool,
  shortcuts: bool,
  transcriptLanguage: enumOf(TRANSCRIPT_LANGUAGES),
  chineseScript: enumOf(CHINESE_SCRIPTS),
  listenToAlign: bool,
  chapterSource: enumOf(CHAPTER_SOURCES),
  chapterTicks: bool,
};

/** Any stored value (garbage, partial, from a future version) → complete, valid settings. */
export function validateSettings(value: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (isRecord(value)) {
    for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
      if (CHECKS[key](value[key])) out[key] = value[key];
    }
  }
  return out as unknown as Settings;
}

/** Apply a partial change from the UI, validated field by field. */
export function patchSettings(current: Settings, patch: Partial<Settings>): Settings {
  return validateSettings({ ...current, ...patch });
}
