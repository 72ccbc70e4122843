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

const numberV = (x: unknown): number | undefined => {
  const v = (x as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
};

/** Who wrote a stored value: the `{ v }` beside it, else a record's own `v` (calibration, cache), else v1. */
const storedVersion = (value: unknown, meta: unknown): number => numberV(meta) ?? numberV(value) ?? 1;

/**
 * A value written by a newer version of the extension (a downgrade, or a newer install syncing
 * from another machine) is normal, not an error. It is read as is (the caller validates it, so
 * the fields this version knows still count), and it is never destroyed: before this version
 * writes or removes the item, the newer value is kept aside under `key$newer`, and the version
 * that wrote it (or a later one) restores it on its first read.
 */
interface Aside {
  v: number;
  value: unknown;
}
const asideOf = (x: unknown): Aside | undefined => {
  const v = numberV(x);
  return v !== undefined && x !== null && typeof x === 'object' && 'value' in x ? { v, value: (x as Aside).value } : undefined;
};

export function defineItem<T>(key: `${AreaName}:${string}`, opts: ItemOptions<T>): StoreItem<T> {
  const split = key.indexOf(':');
  const areaName = key.slice(0, split) as AreaName;
  const name = key.slice(split + 1);
  const metaName = `${name}$`;
  const asideName = `${name}$newer`;
  const area = () => browser.storage[areaName];
  const target = opts.version ?? 1;
  let warned = false;
  const warnNewer = (from: number): void => {
    if (warned) return;
    warned = true;
    console.warn(
      `[companion] "${key}" was saved by a newer version of the extension (v${from}; this is v${target}): using what this version understands, keeping the rest`,
    );
  };

  // One read that brings an older stored value up to the current version (or back from aside),
  // before any other access.
  const migrate = async (): Promise<void> => {
    const got = await area().get([name, metaName, asideName]);
    let value: unknown = got[name];
    let from = storedVersion(value, got[metaName]);
    const aside = asideOf(got[asideName]);
    const write: Record<string, unknown> = {};
    if (aside && aside.v > from && aside.v <= target) {
      // The newer value's own version (or a later one) is back: it gets its value again.
      value = aside.value;
      from = aside.v;
      write[name] = value;
    }
    if (value == null || from > target) {
      if (value != null) warnNewer(from);
      if (Object.keys(write).length) await area().set(write);
      if (aside && aside.v <= target) await area().remove(asideName);
      return;
    }
    if (from < target && opts.migrations) {
      let next = value;
      for (let v = from + 1; v <= target; v++) next = opts.migrations[v]?.(next) ?? next;
      write[name] = next;
    }
    if (write[name] !== undefined && opts.version) write[metaName] = { v: target };
    if (Object.keys(write).length) await area().set(write);
    if (aside && aside.v <= target) await area().remove(asideName);
  };
  let ready: Promise<void> | undefined;
  // Lazily, on first use: nothing touches storage until a caller asks.
  const migrated = () =>
    (ready ??= migrate().catch((err: unknown) => {
      // The value is still read (and validated by the caller); a failed step must not lose it.
      console.warn(`[companion] storage migration failed for ${key}`, err);
    }));

  /** Before this version replaces or removes the item: a newer version's value goes aside. */
  const keepNewer = async (): Promise<Record<string, unknown>> => {
    const got = await area().get([name, metaName]);
    const value: unknown = got[name];
    const from = storedVersion(value, got[metaName]);
    return value != null && from > target ? { [asideName]: { v: from, value } } : {};
  };

  return {
    async getValue() {
      await migrated();
      const value: unknown = (await area().get(name))[name];
      return (value ?? opts.fallback) as T;
    },
    async setValue(value) {
      await migrated();
      const aside = await keepNewer();
      await area().set({ ...aside, [name]: value, ...(opts.version ? { [metaName]: { v: target } } : {}) });
    },
    async removeValue() {
      await migrated();
      const aside = await keepNewer();
      if (Object.keys(aside).length) await area().set(aside);
      await area().remove(opts.version ? [name, metaName] : name);
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
