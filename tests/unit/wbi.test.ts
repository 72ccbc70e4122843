/** WBI signing: md5 against RFC 1321 and node:crypto, the signature against bilibili-API-collect's published example. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5 } from '../../lib/md5';
import { isWbiKey, mixinKey, signWbi } from '../../lib/wbi';

describe('md5', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
  ])('RFC 1321 test suite: md5(%j)', (input, digest) => {
    expect(md5(input)).toBe(digest);
  });
  it('equals node:crypto on any string, across block boundaries (UTF-8)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(md5(s)).toBe(createHash('md5').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    for (let n = 50; n < 140; n++) expect(md5('x'.repeat(n))).toBe(createHash('md5').update('x'.repeat(n)).digest('hex'));
  });
});

describe('WBI signature', () => {
  // bilibili-API-collect, docs/misc/sign/wbi.md ("WBI 签名算法"): the published example.
  const keys = { imgKey: '7cd084941338484aae1ad9425b84077c', subKey: '4932caff0ff746eab6f01bf08b70ac45' };
  it('mixin key of the published keys', () => {
    expect(mixinKey(keys)).toBe('ea1db124af3c7062474693fa704f4ff8');
  });
  it('w_rid of the published example (foo=114, bar=514, zab=1919810, wts=1702204169)', () => {
    expect(signWbi({ foo: '114', bar: '514', zab: 1919810 }, keys, 1702204169)).toBe(
      'bar=514&foo=114&wts=1702204169&zab=1919810&w_rid=8f6f2b5b3d485fe1886cec6a0be8c5d4',
    );
  });
  it("encodes like encodeURIComponent (upper-case %XX, space as %20) and drops !'()*", () => {
    const q = signWbi({ foo: 'one one four', bar: '五一四', baz: "a!b'(c)*" }, keys, 1);
    expect(q.startsWith('bar=%E4%BA%94%E4%B8%80%E5%9B%9B&baz=abc&foo=one%20one%20four&wts=1&w_rid=')).toBe(true);
  });
  it('accepts only 32-hex keys', () => {
    expect(isWbiKey(keys.imgKey)).toBe(true);
    for (const bad of ['', '7cd08494', `${keys.imgKey}0`, 'g'.repeat(32), null, 42]) expect(isWbiKey(bad)).toBe(false);
  });
});
