import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createI18n, resolveLocale, type Locale } from '../../components/i18n';
import { extendI18n } from '../../components/i18n/extend';

const ZH = { hello: '你好，{name}', bye: '再见' };
const EN = { hello: 'Hello, {name}', bye: 'Bye' };
type Key = keyof typeof ZH;

/** A chunk loader whose promise the test settles. */
function deferred(strings: Record<Key, string>) {
  let settle!: (ok: boolean) => void;
  const load = vi.fn(
    () => new Promise<Record<Key, string>>((resolve, reject) => (settle = (ok) => (ok ? resolve(strings) : reject(new Error('gone'))))),
  );
  return { load, settle: (ok = true) => settle(ok) };
}

describe('i18n', () => {
  it('resolves auto from the browser language', () => {
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
  });

  it('in-memory catalogues (the popup): synchronous, with {vars}', () => {
    const setting = signal<'auto' | Locale>('zh-CN');
    const i18n = createI18n<Key>(setting, 'zh-CN', { 'zh-CN': ZH, en: EN });
    expect(i18n.t('hello', { name: '顾老师' })).toBe('你好，顾老师');
    setting.value = 'en';
    expect(i18n.locale.value).toBe('en');
    expect(i18n.t('bye')).toBe('Bye');
  });

  it('chunked catalogues: only the shown language loads; a live switch keeps the old language until the new one is in', async () => {
    const zh = deferred(ZH);
    const en = deferred(EN);
    const setting = signal<'auto' | Locale>('auto');
    const i18n = createI18n<Key>(setting, 'zh-CN', { 'zh-CN': zh.load, en: en.load });
    const ready = i18n.ready();
    zh.settle();
    await ready;
    expect(i18n.t('bye')).toBe('再见');
    expect(en.load).not.toHaveBeenCalled();

    setting.value = 'en';
    expect(i18n.locale.value).toBe('zh-CN');
    expect(i18n.t('bye')).toBe('再见');
    expect(en.load).toHaveBeenCalledOnce();
    en.settle();
    await vi.waitFor(() => expect(i18n.locale.value).toBe('en'));
    expect(i18n.t('hello', { name: 'Mamba' })).toBe('Hello, Mamba');
    expect(zh.load).toHaveBeenCalledOnce();
  });

  it('a failed load warns once, is not retried on every render, and ready() tries again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const zh = deferred(ZH);
    const i18n = createI18n<Key>(signal<'auto' | Locale>('zh-CN'), 'zh-CN', { 'zh-CN': zh.load, en: EN });
    const first = i18n.ready();
    zh.settle(false);
    await first;
    for (let k = 0; k < 5; k++) expect(i18n.t('bye')).toBe('Bye'); // the language that is in
    expect(zh.load).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
    const again = i18n.ready();
    zh.settle();
    await again;
    expect(i18n.t('bye')).toBe('再见');
  });

  it("a part's own strings extend the panel's and follow its language", () => {
    const setting = signal<'auto' | Locale>('zh-CN');
    const base = createI18n<Key>(setting, 'zh-CN', { 'zh-CN': ZH, en: EN });
    const x = extendI18n(base, { 'zh-CN': { search: '搜索' }, en: { search: 'Search' } });
    expect([x.t('search'), x.t('bye')]).toEqual(['搜索', '再见']);
    setting.value = 'en';
    expect([x.t('search'), x.t('bye')]).toEqual(['Search', 'Bye']);
  });
});
