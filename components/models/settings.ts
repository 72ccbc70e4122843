/** Settings as a signal: loaded and validated from storage, kept live by storage watching. */
import { signal, type ReadonlySignal } from '@preact/signals';
import { DEFAULT_SETTINGS, patchSettings, validateSettings, type Settings } from '../../lib/settings';
import { settingsItem } from './storage';
import { assignStored } from './store';

export interface SettingsStore {
  get(): Promise<unknown>;
  set(value: Settings): Promise<void>;
  /** Returns an unsubscribe function. */
  watch(cb: (value: unknown) => void): () => void;
}

export interface SettingsModel {
  settings: ReadonlySignal<Settings>;
  loaded: ReadonlySignal<boolean>;
  update(patch: Partial<Settings>): Promise<void>;
  ready: Promise<void>;
}

export function wxtSettingsStore(): SettingsStore {
  const item = settingsItem();
  return {
    get: () => item.getValue(),
    set: (v) => item.setValue(v),
    watch: (cb) => item.watch((v) => cb(v)),
  };
}

export function createSettingsModel(store: SettingsStore, signalLifetime: AbortSignal): SettingsModel {
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
  const loaded = signal(false);
  const unwatch = store.watch((v) => assignStored(settings, validateSettings(v)));
  signalLifetime.addEventListener('abort', unwatch, { once: true });
  const ready = store.get().then(
    (v) => {
      settings.value = validateSettings(v);
      loaded.value = true;
    },
    (err: unknown) => {
      // Unreadable storage: run on defaults rather than not at all.
      console.warn('[companion] settings unreadable, using defaults', err);
      loaded.value = true;
    },
  );
  return {
    settings,
    loaded,
    ready,
    async update(patch) {
      const next = patchSettings(settings.value, patch);
      settings.value = next;
      await store.set(next);
    },
  };
}
