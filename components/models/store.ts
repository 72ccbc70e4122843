/**
 * A typed item in extension storage: fallback, versioned migrations, watch. Stored the way
 * @wxt-dev/storage stored it in the first release (value under `key`, `{ v }` under `key$`),
 * so existing installs keep their data; this file replaced that library to save ~2.5 KB gzip
 * of the talk page's code (ARCHITECTURE.md budget).
 */
import type { Signal } from '@preact/signals';
import { browser } from 'wxt/browser';

type AreaName = 'local' | 'sync';

export interface StoreItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Called with the new value (or the fallback when removed); returns the unsubscribe (safe after an extension reload). */
  watch(cb: (value: T) => void): () => void;
}

export interface ItemOptions<T> {
  fallback: T;
  /** The current schema version (≥ 1) and the steps that reach it: migrations[n] turns v(n-1) into vn. */
  version?: number;
  migrations?: Record<number, (value: unknown) => unknown>;
}

const metaVersion = (meta: unknown): number | undefined => {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' ? v : undefined;
};

export function defineItem<T>(key: `${AreaName}:${string}`, opts: ItemOptions<T>): StoreItem<T> {
  const split = key.indexOf(':');
  const areaName = key.slice(0, split) as AreaName;
  const name = key.slice(split + 1);
  const metaName = `${name}$`;
  const area = () => browser.storage[areaName];
  const target = opts.version ?? 1;

  // One read that brings an older stored value up to the current version, before any other access.
  const migrate = async (): Promise<void> => {
    if (!opts.migrations) return;
    const got = await area().get([name, metaName]);
    const value: unknown = got[name];
    if (value == null) return;
    const from = metaVersion(got[metaName]) ?? 1;
    if (from > target) throw new Error(`"${key}" was stored by a newer version (v${from} > v${target})`);
    if (from === target) return;
    let next = value;
    for (let v = from + 1; v <= target; v++) next = opts.migrations[v]?.(next) ?? next;
    await area().set({ [name]: next, [metaName]: { v: target } });
  };
  let ready: Promise<void> | undefined;
  // Lazily, on first use: nothing touches storage until a caller asks.
  const migrated = () =>
    (ready ??= migrate().catch((err: unknown) => {
      // The value is still read (and validated by the caller); a failed step must not lose it.
      console.error(`[companion] storage migration failed for ${key}`, err);
    }));

  return {
    async getValue() {
      await migrated();
      const value: unknown = (await area().get(name))[name];
      return (value ?? opts.fallback) as T;
    },
    async setValue(value) {
      await migrated();
      await area().set(opts.version ? { [name]: value, [metaName]: { v: target } } : { [name]: value });
    },
    async removeValue() {
      await migrated();
      await area().remove(name);
    },
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[name];
        // Firefox reports writes that change nothing; those are not changes to the caller.
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        cb((change.newValue ?? opts.fallback) as T);
      };
      area().onChanged.addListener(listener);
      return () => {
        try {
          area().onChanged.removeListener(listener);
        } catch {
          // After an extension reload the storage API is gone; nothing left to unsubscribe.
        }
      };
    },
  };
}

/**
 * Puts a value read from storage into a signal unless it holds an equal one: a model's own
 * writes come back through watch, and a new object would rebuild everything that depends on it.
 */
export function assignStored<T>(target: Signal<T>, value: T): void {
  if (JSON.stringify(value) !== JSON.stringify(target.peek())) target.value = value;
}
