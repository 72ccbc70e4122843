import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionIdFromKey } from '../e2e/extension-id';

const key = /UNPACKED_KEY =\s*'([^']+)'/.exec(readFileSync('wxt.config.ts', 'utf8'))?.[1] ?? '';

describe('extension id from the manifest key', () => {
  it('is the id Chromium gives the key (computed apart: sha256 of the DER key, a–p digits)', () => {
    expect(extensionIdFromKey(key)).toBe('nhhajpeebocecjadbeecjnopbnncngfe');
  });
  it('sorts after the PDF viewer that Chromium lists first, so position could never find it', () => {
    expect(extensionIdFromKey(key) > 'mhjfbmdgcfjbbpaeojofohoefgiehjai').toBe(true);
  });
});
