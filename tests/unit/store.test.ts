import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from '../../components/models/store';

describe('storage items (fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the fallback when nothing is stored, and touches storage only when asked', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const item = defineItem<number>('local:n', { fallback: 7 });
    expect(get).not.toHaveBeenCalled();
    expect(await item.getValue()).toBe(7);
  });

  it('a versioned item (settings) reads nothing until asked either', async () => {
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const item = defineItem<string>('sync:s', { fallback: '', version: 2, migrations: { 2: (v) => v } });
    await new Promise((r) => setTimeout(r, 0));
    expect(get).not.toHaveBeenCalled();
    await item.getValue();
    expect(get).toHaveBeenCalled();
  });

  it('writes, reads back, removes (back to the fallback)', async () => {
    const item = defineItem<{ a: number } | null>('local:x', { fallback: null });
    await item.setValue({ a: 1 });
    expect(await fakeBrowser.storage.local.get('x')).toEqual({ x: { a: 1 } });
    expect(await item.getValue()).toEqual({ a: 1 });
    await item.removeValue();
    expect(await item.getValue()).toBeNull();
  });

  it('keeps the stored layout of the first release: value under the key, { v } under key$', async () => {
    const item = defineItem<string>('sync:s', { fallback: '', version: 3, migrations: {} });
    await item.setValue('x');
    expect(await fakeBrowser.storage.sync.get(['s', 's$'])).toEqual({ s: 'x', s$: { v: 3 } });
  });

  it('runs each migration step once, in order, from the stored version (none recorded = v1)', async () => {
    const steps: number[] = [];
    const migrations = {
      2: (v: unknown) => (steps.push(2), `${String(v)}>2`),
      3: (v: unknown) => (steps.push(3), `${String(v)}>3`),
    };
    await fakeBrowser.storage.sync.set({ s: 'v1' });
    const item = defineItem<string>('sync:s', { fallback: '', version: 3, migrations });
    expect(await item.getValue()).toBe('v1>2>3');
    expect(await item.getValue()).toBe('v1>2>3');
    expect(steps).toEqual([2, 3]);
    expect(await fakeBrowser.storage.sync.get('s$')).toEqual({ s$: { v: 3 } });

    await fakeBrowser.storage.sync.set({ t: 'v2', t$: { v: 2 } });
    expect(await defineItem<string>('sync:t', { fallback: '', version: 3, migrations }).getValue()).toBe('v2>3');
  });

  describe('a value saved by a newer version', () => {
    const quiet = () => ({
      warn: vi.spyOn(console, 'warn').mockImplementation(() => undefined),
      error: vi.spyOn(console, 'error').mockImplementation(() => undefined),
    });
    const settingsLike = () => defineItem<string>('sync:s', { fallback: '', version: 2, migrations: { 2: () => 'migrated' } });

    it('is read as is (the caller validates), with one warning and no error, and left untouched by reads', async () => {
      const log = quiet();
      await fakeBrowser.storage.sync.set({ s: 'future', s$: { v: 9 } });
      const item = settingsLike();
      expect(await item.getValue()).toBe('future');
      expect(await item.getValue()).toBe('future');
      expect(log.warn).toHaveBeenCalledOnce();
      expect(log.error).not.toHaveBeenCalled();
      expect(await fakeBrowser.storage.sync.get(null)).toEqual({ s: 'future', s$: { v: 9 } });
    });

    it('is kept aside when this version writes or removes the item, and never overwritten there', async () => {
      quiet();
      await fakeBrowser.storage.sync.set({ s: 'future', s$: { v: 9 } });
      const item = settingsLike();
      await item.setValue('mine');
      expect(await fakeBrowser.storage.sync.get(null)).toEqual({ s: 'mine', s$: { v: 2 }, s$newer: { v: 9, value: 'future' } });
      await item.setValue('mine again'); // the stored value is ours now: the aside stays as it was
      await item.removeValue();
      expect(await fakeBrowser.storage.sync.get(null)).toEqual({ s$newer: { v: 9, value: 'future' } });
    });

    it('comes back when its version returns (a later one migrates it on)', async () => {
      quiet();
      await fakeBrowser.storage.sync.set({ s: 'mine', s$: { v: 2 }, s$newer: { v: 9, value: 'future' } });
      const v9 = defineItem<string>('sync:s', { fallback: '', version: 9, migrations: { 3: () => 'wrong: it was v9 already' } });
      expect(await v9.getValue()).toBe('future');
      expect(await fakeBrowser.storage.sync.get(null)).toEqual({ s: 'future', s$: { v: 9 } });

      fakeBrowser.reset();
      await fakeBrowser.storage.sync.set({ s: 'mine', s$: { v: 2 }, s$newer: { v: 9, value: 'future' } });
      const v10 = defineItem<string>('sync:s', { fallback: '', version: 10, migrations: { 10: (v) => `${String(v)}>10` } });
      expect(await v10.getValue()).toBe('future>10');
    });

    it('a record that carries its own version (calibration, subtitle cache) is protected the same way', async () => {
      const log = quiet();
      const record = { v: 3, anchors: 'a newer shape' };
      await fakeBrowser.storage.local.set({ c: record });
      const item = defineItem<unknown>('local:c', { fallback: null });
      expect(await item.getValue()).toEqual(record);
      await item.setValue({ v: 1, anchors: [] });
      expect(await fakeBrowser.storage.local.get('c$newer')).toEqual({ c$newer: { v: 3, value: record } });
      expect(log.warn).toHaveBeenCalledOnce();
      expect(log.error).not.toHaveBeenCalled();
    });
  });

  it('watch reports changes to its key only (the fallback on removal) until unsubscribed', async () => {
    const item = defineItem<number>('local:n', { fallback: 0 });
    const seen: number[] = [];
    const off = item.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ n: 1, other: 5 });
    await fakeBrowser.storage.local.set({ n: 1 }); // no change: not reported
    await fakeBrowser.storage.local.set({ other: 6 });
    await fakeBrowser.storage.local.remove('n');
    off();
    await fakeBrowser.storage.local.set({ n: 2 });
    expect(seen).toEqual([1, 0]);
  });
});
