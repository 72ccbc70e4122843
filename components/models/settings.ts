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
  // Our own writes come back through the watcher, possibly after newer local changes: an echo
  // of an older write of ours must not undo them (three quick changes in the popup lost the
  // middle one). Values we wrote are remembered until their echo arrives.
  const written: string[] = [];
  const unwatch = store.watch((v) => {
    const next = validateSettings(v);
    const key = JSON.stringify(next);
    const mine = written.indexOf(key);
    if (mine >= 0) {
      const stale = mine < written.length - 1;
      written.splice(0, mine + 1);
      if (stale) return;
    } else written.length = 0; // a change made elsewhere: it wins
    assignStored(settings, next);
  });
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
      written.push(JSON.stringify(next));
      if (written.length > 20) written.shift();
      await store.set(next);
    },
  };
}
