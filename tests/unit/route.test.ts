import { describe, expect, it } from 'vitest';
import { classify, matchesTalkPages, parseRoute, TALK_MATCHES, talkUrl } from '../../bilibili/route';

describe('parseRoute', () => {
  it.each([
    ['https://www.bilibili.com/video/BV1DS411w7hz?p=6', 'talk', 6],
    ['https://www.bilibili.com/video/BV1DS411w7hz/?p=6&t=120', 'talk', 6],
    ['https://www.bilibili.com/video/BV1DS411w7hz/?spm_id_from=333.788&p=6&vd_source=x', 'talk', 6],
    ['https://www.bilibili.com/video/BV1DS411w7hz', 'sibling', 1],
    ['https://www.bilibili.com/video/BV1DS411w7hz/?p=5', 'sibling', 5],
    ['https://www.bilibili.com/video/BV1DS411w7hz/?p=abc', 'sibling', 1],
    ['https://www.bilibili.com/video/BV1DS411w7hz/?p=0', 'sibling', 1],
    ['https://www.bilibili.com/video/BV1xx411c7mD/?p=6', 'other', 6],
  ] as const)('%s → %s (p=%i)', (url, kind, p) => {
    const r = parseRoute(url);
    expect(r?.p).toBe(p);
    expect(classify(r)).toBe(kind);
  });
  it('reads t= deep links', () => {
    expect(parseRoute('https://www.bilibili.com/video/BV1DS411w7hz/?p=6&t=754.5')?.t).toBe(754.5);
    expect(parseRoute('https://www.bilibili.com/video/BV1DS411w7hz/?p=6&t=-3')?.t).toBeNull();
  });
  it.each([
    'not a url',
    'https://m.bilibili.com/video/BV1DS411w7hz?p=6',
    'https://www.bilibili.com/bangumi/play/ep1',
    'https://www.bilibili.com/video/BV1DS411w7hz/extra?p=6',
    'https://www.bilibili.com/video/av170001',
    'https://www.bilibili.com/video/bv1ds411w7hz/?p=6',
    'https://evil.com/video/BV1DS411w7hz?p=6',
    'https://www.bilibili.com/video/%E0%A4%A?p=6',
  ])('is null for %s', (url) => {
    expect(parseRoute(url)).toBeNull();
    expect(classify(parseRoute(url))).toBe('other');
  });
  it('builds links to the talk', () => {
    expect(talkUrl()).toBe('https://www.bilibili.com/video/BV1DS411w7hz/?p=6');
    expect(talkUrl(75.9)).toBe('https://www.bilibili.com/video/BV1DS411w7hz/?p=6&t=75');
  });
});

describe('the pages the MAIN-world bridge is declared for', () => {
  it('is the match pattern of every part of the talk', () => {
    expect(TALK_MATCHES).toEqual(['*://www.bilibili.com/video/BV1DS411w7hz*']);
  });
  it.each([
    ['https://www.bilibili.com/video/BV1DS411w7hz/?p=6', true],
    ['https://www.bilibili.com/video/BV1DS411w7hz?p=6&t=30', true],
    ['https://www.bilibili.com/video/BV1DS411w7hz', true],
    ['http://www.bilibili.com/video/BV1DS411w7hz/', true],
    ['https://www.bilibili.com/video/BV1xx411c7mD/', false],
    ['https://www.bilibili.com/video/bv1ds411w7hz/', false],
    ['https://m.bilibili.com/video/BV1DS411w7hz', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(matchesTalkPages(url)).toBe(expected);
  });
});
