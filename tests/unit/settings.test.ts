import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  migrateV1toV2,
  migrateV2toV3,
  migrateV3toV4,
  patchSettings,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  validateSettings,
} from '../../lib/settings';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));

describe('settings migrations', () => {
  it('v1 → v2: language becomes uiLanguage; an English UI starts with the English transcript', () => {
    expect(migrateV1toV2(fixture('settings-v1.json'))).toEqual(fixture('settings-v2.json'));
    expect(migrateV1toV2({ ...(fixture('settings-v1.json') as object), language: 'zh-CN' })).toMatchObject({
      uiLanguage: 'zh-CN',
      transcriptLanguage: 'zh',
    });
  });
  it("v2 → v3: listening off, the companion's chapters", () => {
    expect(migrateV2toV3(fixture('settings-v2.json'))).toEqual(fixture('settings-v3.json'));
  });
  it('v3 → v4: chapter ticks start off, everything else kept', () => {
    expect(migrateV3toV4(fixture('settings-v3.json'))).toEqual(fixture('settings-v4.json'));
    expect(migrateV3toV4({ ...(fixture('settings-v3.json') as object), theme: 'light' })).toMatchObject({
      theme: 'light',
      chapterTicks: false,
    });
  });
  it('every version has its step, and the chain from v1 ends at the current version', () => {
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number)).toEqual([2, 3, 4]);
    expect(SETTINGS_VERSION).toBe(4);
    let v: unknown = fixture('settings-v1.json');
    for (let n = 2; n <= SETTINGS_VERSION; n++) v = SETTINGS_MIGRATIONS[n]!(v);
    expect(v).toEqual(fixture('settings-v4.json'));
  });
  it('the migrated value is valid as is', () => {
    expect(validateSettings(migrateV1toV2(fixture('settings-v1.json')))).toEqual(fixture('settings-v4.json'));
    expect(validateSettings(fixture('settings-v4.json'))).toEqual(fixture('settings-v4.json'));
  });
  it('a migration step never throws on garbage', () => {
    for (const v of [null, 3, 'x', [], { language: 42 }])
      for (const step of [migrateV1toV2, migrateV2toV3, migrateV3toV4]) expect(() => step(v)).not.toThrow();
  });
});

describe('validateSettings', () => {
  it('fills defaults for nothing, garbage and wrong types, never throwing', () => {
    for (const v of [undefined, null, 0, 'settings', [], [1, 2], { fontSize: 'big' }])
      expect(validateSettings(v)).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid fields and replaces invalid ones field by field', () => {
    const s = validateSettings({ fontSize: 18, theme: 'purple', follow: 'yes', transcriptLanguage: 'bilingual', enabled: false });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, fontSize: 18, transcriptLanguage: 'bilingual', enabled: false });
  });
  it('chapter ticks: off by default, a boolean kept, anything else defaulted', () => {
    expect(DEFAULT_SETTINGS.chapterTicks).toBe(false);
    expect(validateSettings({ chapterTicks: true }).chapterTicks).toBe(true);
    for (const chapterTicks of ['yes', 1, null]) expect(validateSettings({ chapterTicks }).chapterTicks).toBe(false);
  });
  it('rejects out-of-range numbers', () => {
    for (const fontSize of [11, 21, 14.5, Number.NaN, Infinity])
      expect(validateSettings({ fontSize }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });
  it('reads a value from a future version: known valid fields kept, unknown dropped', () => {
    const s = validateSettings({ ...(fixture('settings-v4.json') as object), newThing: true, theme: 'sepia' });
    expect(s).toEqual({ ...(fixture('settings-v4.json') as object), theme: DEFAULT_SETTINGS.theme });
    expect(s).not.toHaveProperty('newThing');
  });
  it('patches one field at a time, validated', () => {
    expect(patchSettings(DEFAULT_SETTINGS, { fontSize: 16 }).fontSize).toBe(16);
    expect(patchSettings(DEFAULT_SETTINGS, { fontSize: 99 }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });
});

describe('settings storage item (fake browser)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });
  const load = async () => {
    const { createSettingsModel, wxtSettingsStore } = await import('../../components/models/settings');
    const model = createSettingsModel(wxtSettingsStore(), new AbortController().signal);
    await model.ready;
    return model;
  };

  it('starts from the defaults', async () => {
    expect((await load()).settings.value).toEqual(DEFAULT_SETTINGS);
  });
  it('migrates a stored v1 value on first read and records the version', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('settings-v1.json') });
    expect((await load()).settings.value).toEqual(fixture('settings-v4.json'));
    expect(await fakeBrowser.storage.sync.get('settings$')).toEqual({ settings$: { v: SETTINGS_VERSION } });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(fixture('settings-v4.json'));
  });
  it('migrates a stored v3 value: ticks off, the rest kept', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('settings-v3.json'), settings$: { v: 3 } });
    expect((await load()).settings.value).toEqual(fixture('settings-v4.json'));
    expect(await fakeBrowser.storage.sync.get('settings$')).toEqual({ settings$: { v: 4 } });
  });
  it('survives corrupt stored values with defaults plus the valid fields', async () => {
    await fakeBrowser.storage.sync.set({ settings: { fontSize: 19, theme: 7, enabled: 'no' }, settings$: { v: 2 } });
    expect((await load()).settings.value).toEqual({ ...DEFAULT_SETTINGS, fontSize: 19 });
  });
  it('a value stored by a newer version: valid fields kept, garbage defaulted, one warning, the value kept aside on change', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const future = { ...(fixture('settings-v4.json') as object), fontSize: 'huge', extra: 1 };
    await fakeBrowser.storage.sync.set({ settings: future, settings$: { v: 999 } });
    const model = await load();
    expect(model.settings.value).toEqual({ ...(fixture('settings-v4.json') as object), fontSize: DEFAULT_SETTINGS.fontSize });
    expect(await fakeBrowser.storage.sync.get(['settings', 'settings$'])).toEqual({ settings: future, settings$: { v: 999 } });
    await model.update({ theme: 'light' });
    expect((await fakeBrowser.storage.sync.get('settings$newer')).settings$newer).toEqual({ v: 999, value: future });
    expect(warn).toHaveBeenCalledOnce();
    expect(error).not.toHaveBeenCalled();
  });
  it('an echo of an older write of ours does not undo newer changes (three quick changes, none lost)', async () => {
    let stored: unknown = {};
    const echoes: unknown[] = [];
    let listener: (v: unknown) => void = () => undefined;
    const store = {
      get: async () => stored,
      set: async (v: unknown) => void ((stored = v), echoes.push(v)),
      watch: (cb: (v: unknown) => void) => ((listener = cb), () => undefined),
    };
    const { createSettingsModel } = await import('../../components/models/settings');
    const model = createSettingsModel(store, new AbortController().signal);
    await model.ready;
    void model.update({ theme: 'dark' });
    void model.update({ transcriptLanguage: 'bilingual' });
    // Storage reports the first write only now, after the second local change.
    listener(echoes.shift());
    void model.update({ follow: false });
    while (echoes.length) listener(echoes.shift());
    await Promise.resolve();
    expect(model.settings.value).toMatchObject({ theme: 'dark', transcriptLanguage: 'bilingual', follow: false });
    expect(stored).toMatchObject({ theme: 'dark', transcriptLanguage: 'bilingual', follow: false });
    // A change made elsewhere still wins.
    listener({ ...(stored as object), theme: 'light' });
    expect(model.settings.value.theme).toBe('light');
  });
  it('writes through and sees changes made elsewhere', async () => {
    const model = await load();
    await model.update({ theme: 'dark' });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ theme: 'dark' });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, fontSize: 20 } });
    await vi.waitFor(() => expect(model.settings.value.fontSize).toBe(20));
  });
});
