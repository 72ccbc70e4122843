import { computed } from '@preact/signals';
import { talkUrl } from '../../bilibili/route';
import { Hint } from '../views/hint/Hint';
import { createI18n } from '../i18n';
import { VIEW_MESSAGES } from '../i18n/view-messages';
import { createSettingsModel, wxtSettingsStore } from '../models/settings';
import { hintDismissedItem } from '../models/storage';
import type { Deps } from './column';
import { showInColumn } from './column-view';
import css from '../views/hint/hint.css?inline';
import { childOf } from '../dom/lifetime';

/** On the other parts of BV1DS411w7hz: a small hint pointing to P6, until dismissed (remembered). */
export async function startHint(deps: Deps, signal: AbortSignal): Promise<void> {
  const item = hintDismissedItem();
  if (await item.getValue().catch(() => true)) return;
  if (signal.aborted) return;
  const settings = createSettingsModel(wxtSettingsStore(), signal);
  await settings.ready;
  if (signal.aborted || !settings.settings.value.enabled) return;
  const i18n = createI18n(
    computed(() => settings.settings.value.uiLanguage),
    deps.win.navigator.language,
    VIEW_MESSAGES,
  );
  const hint = childOf(signal);
  const dismiss = (): void => {
    void item.setValue(true).catch(() => undefined);
    hint.abort();
  };
  // Placed once the column exists, and again whenever Bilibili re-renders it.
  showInColumn(
    deps,
    hint.signal,
    'talk-companion-hint',
    <>
      <style>{css}</style>
      <Hint i18n={i18n} href={talkUrl()} onDismiss={dismiss} />
    </>,
  );
}
