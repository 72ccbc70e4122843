import { computed, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { talkUrl } from '../../bilibili/route';
import { CHINESE_SCRIPTS, FONT_SIZE, PANEL_POSITIONS, THEMES, TRANSCRIPT_LANGUAGES, UI_LANGUAGES, type Settings } from '../../lib/settings';
import { createI18n } from '../i18n';
import { POPUP_MESSAGES, type PopupKey as MessageKey } from '../i18n/popup-messages';
import type { SettingsModel } from '../models/settings';

type BoolKey = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

const LABELS: Record<string, MessageKey> = {
  column: 'positionColumn',
  floating: 'positionFloating',
  auto: 'themeAuto',
  light: 'themeLight',
  dark: 'themeDark',
  zh: 'languageZh',
  en: 'languageEn',
  bilingual: 'languageBi',
  simplified: 'scriptSimplified',
  traditional: 'scriptTraditional',
};

export interface PopupProps {
  model: SettingsModel;
  browserLanguage: string;
  version: string;
  resetTiming(): Promise<void>;
}

export function PopupApp({ model, browserLanguage, version, resetTiming }: PopupProps) {
  const i18n = useMemo(
    () =>
      createI18n(
        computed(() => model.settings.value.uiLanguage),
        browserLanguage,
        POPUP_MESSAGES,
      ),
    [model, browserLanguage],
  );
  const { t } = i18n;
  const s = model.settings.value;
  const resetDone = useSignal(false);
  const set = (patch: Partial<Settings>): void => void model.update(patch);

  // Plain render helpers, not components: a component defined in here would be a new type on
  // every render, and Preact would remount every control (and drop focus) on each change.
  const toggle = (k: BoolKey, label: MessageKey) => (
    <label class="row">
      <input type="checkbox" name={k} checked={s[k]} onChange={(e) => set({ [k]: (e.currentTarget as HTMLInputElement).checked })} />
      <span>{t(label)}</span>
    </label>
  );

  const select = (k: keyof Settings, label: MessageKey, values: readonly string[], labelOf: (v: string) => string) => (
    <label class="row">
      <span>{t(label)}</span>
      <select
        name={k}
        value={String(s[k])}
        onChange={(e) => set({ [k]: (e.currentTarget as HTMLSelectElement).value } as Partial<Settings>)}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </label>
  );

  const group = (title: MessageKey, children: ComponentChildren) => (
    <fieldset>
      <legend>{t(title)}</legend>
      {children}
    </fieldset>
  );

  const byLabel = (v: string): string => {
    const key = LABELS[v];
    return key ? t(key) : v;
  };

  return (
    <main lang={i18n.locale.value} data-loaded={model.loaded.value ? 'true' : undefined}>
      <h1>{t('popupTitle')}</h1>
      {group(
        'groupDisplay',
        <>
          {toggle('enabled', 'enabled')}
          {select('panelPosition', 'panelPosition', PANEL_POSITIONS, byLabel)}
          <label class="row">
            <span>{t('fontSize')}</span>
            <input
              type="range"
              name="fontSize"
              min={FONT_SIZE.min}
              max={FONT_SIZE.max}
              step={1}
              value={s.fontSize}
              onInput={(e) => set({ fontSize: Number((e.currentTarget as HTMLInputElement).value) })}
            />
            <output>{s.fontSize}px</output>
          </label>
          {select('theme', 'theme', THEMES, byLabel)}
          {select('uiLanguage', 'uiLanguage', UI_LANGUAGES, (v) => (v === 'auto' ? t('uiAuto') : v === 'en' ? 'English' : '中文'))}
          {toggle('compactOverlay', 'compactOverlay')}
          {toggle('chapterTicks', 'chapterTicks')}
          {toggle('shortcuts', 'shortcuts')}
        </>,
      )}
      {group(
        'groupTranscript',
        <>
          {toggle('follow', 'follow')}
          {toggle('speakerLabels', 'speakerLabels')}
          {toggle('showOriginal', 'showOriginalDefault')}
          {select('transcriptLanguage', 'transcriptLanguage', TRANSCRIPT_LANGUAGES, byLabel)}
          {select('chineseScript', 'chineseScript', CHINESE_SCRIPTS, byLabel)}
        </>,
      )}
      {group(
        'groupTerms',
        <>
          {toggle('termMarks', 'termMarks')}
          {toggle('termCards', 'termCards')}
        </>,
      )}
      {group(
        'groupTiming',
        <>
          {toggle('listenToAlign', 'listenToAlign')}
          <button
            type="button"
            onClick={() =>
              void resetTiming().then(() => {
                resetDone.value = true;
              })
            }
          >
            {t('resetTimingVideo')}
          </button>
          {resetDone.value ? <span role="status"> {t('resetDone')}</span> : null}
        </>,
      )}
      <p>
        <a href={talkUrl()} target="_blank" rel="noopener noreferrer">
          {t('openTalk')}
        </a>
      </p>
      <p class="muted">{t('shortcutsHelp')}</p>
      <p class="muted">{t('privacy')}</p>
      <p class="muted">{t('version', { v: version })}</p>
    </main>
  );
}
