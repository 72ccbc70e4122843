import { describe, expect, it } from 'vitest';
import {
  BRIDGE_NS,
  BRIDGE_VERSION,
  envelope,
  isPresent,
  parseConnect,
  parseFromPage,
  parseToPage,
  PRESENT,
} from '../../bilibili/bridge-protocol';

const T = 'token-1';
const from = (body: unknown) => envelope(T, 'page', body);

describe('bridge protocol (isolated side)', () => {
  it('accepts well-formed messages', () => {
    expect(parseFromPage(from({ kind: 'time', t: 12.5, paused: false, duration: 2400, rate: 1 }), T)).toEqual({
      kind: 'time',
      t: 12.5,
      paused: false,
      duration: 2400,
      rate: 1,
    });
    expect(parseFromPage(from({ kind: 'nav', url: 'https://www.bilibili.com/video/BV1DS411w7hz/?p=6' }), T)?.kind).toBe('nav');
    expect(
      parseFromPage(from({ kind: 'state', bvid: 'BV1DS411w7hz', p: 6, cid: 7, pages: [{ page: 6, cid: 7, duration: 2400 }] }), T)?.kind,
    ).toBe('state');
  });
  it.each([
    ['wrong token', envelope('other', 'page', { kind: 'nav', url: 'https://www.bilibili.com/' })],
    ['wrong direction', envelope(T, 'ext', { kind: 'nav', url: 'https://www.bilibili.com/' })],
    ['wrong namespace', { ns: 'x', v: BRIDGE_VERSION, token: T, dir: 'page', body: { kind: 'nav', url: 'https://www.bilibili.com/' } }],
    ['wrong version', { ns: BRIDGE_NS, v: 2, token: T, dir: 'page', body: { kind: 'nav', url: 'https://www.bilibili.com/' } }],
    ['string time', from({ kind: 'time', t: '12', paused: false, duration: 1, rate: 1 })],
    ['NaN time', from({ kind: 'time', t: Number.NaN, paused: false, duration: 1, rate: 1 })],
    ['negative time', from({ kind: 'time', t: -1, paused: false, duration: 1, rate: 1 })],
    ['absurd time', from({ kind: 'time', t: 1e12, paused: false, duration: 1, rate: 1 })],
    ['absurd rate', from({ kind: 'time', t: 1, paused: false, duration: 1, rate: 1000 })],
    ['paused not boolean', from({ kind: 'time', t: 1, paused: 'no', duration: 1, rate: 1 })],
    ['off-site url', from({ kind: 'nav', url: 'https://evil.example/' })],
    ['javascript url', from({ kind: 'nav', url: 'javascript:alert(1)' })],
    ['huge url', from({ kind: 'nav', url: `https://www.bilibili.com/${'a'.repeat(5000)}` })],
    ['bad bvid', from({ kind: 'state', bvid: '<img>', p: 6, cid: 7, pages: [] })],
    ['bad cid', from({ kind: 'state', bvid: 'BV1DS411w7hz', p: 6, cid: -7, pages: [] })],
    ['bad pages', from({ kind: 'state', bvid: 'BV1DS411w7hz', p: 6, cid: 7, pages: [{ page: 1, cid: 'x', duration: 1 }] })],
    ['unknown kind', from({ kind: 'eval', code: 'alert(1)' })],
    ['not an object', 'hello'],
    ['null', null],
  ])('drops a message with %s', (_why, data) => {
    expect(parseFromPage(data, T)).toBeNull();
  });
});

describe('bridge protocol (page side)', () => {
  it('accepts only hello, time-feed and a finite seek', () => {
    expect(parseToPage(envelope(T, 'ext', { kind: 'seek', t: 10 }), T)).toEqual({ kind: 'seek', t: 10 });
    expect(parseToPage(envelope(T, 'ext', { kind: 'seek', t: Infinity }), T)).toBeNull();
    expect(parseToPage(envelope(T, 'ext', { kind: 'time-feed', on: 1 }), T)).toBeNull();
    expect(parseToPage(envelope(T, 'page', { kind: 'hello' }), T)).toBeNull();
  });
});

describe('connect (the manifest MAIN-world bridge learns the token)', () => {
  const token = 'a'.repeat(32);
  it('accepts a connect carrying a 32-hex token', () => {
    expect(parseConnect(envelope(token, 'ext', { kind: 'connect' }))).toBe(token);
  });
  it.each([
    ['from the page side', envelope(token, 'page', { kind: 'connect' })],
    ['a short token', envelope('abc', 'ext', { kind: 'connect' })],
    ['another kind', envelope(token, 'ext', { kind: 'hello' })],
    ['another namespace', { ...envelope(token, 'ext', { kind: 'connect' }), ns: 'x' }],
    ['no body', { ns: BRIDGE_NS, v: BRIDGE_VERSION, token, dir: 'ext' }],
  ])('refuses %s', (_why, data) => {
    expect(parseConnect(data)).toBeNull();
  });
  it('tells the bridge’s presence note apart from anything else', () => {
    expect(isPresent(PRESENT)).toBe(true);
    expect(isPresent({ ...PRESENT, dir: 'ext' })).toBe(false);
    expect(isPresent(envelope(token, 'page', { kind: 'nav' }))).toBe(false);
  });
});
