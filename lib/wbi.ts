/**
 * Bilibili's WBI request signature (`w_rid`, `wts`), as documented by bilibili-API-collect
 * (docs/misc/sign/wbi.md): the mixin key is 32 characters of img_key + sub_key picked through a
 * fixed table; w_rid = md5(sorted query with wts + mixin key). Pure: keys and time are inputs.
 */
import { md5 } from './md5';

export interface WbiKeys {
  imgKey: string;
  subKey: string;
}

const MIXIN_KEY_ENC_TAB = [
  46, 47, 18, 2, 53, 8, 23, 32, 15, 50, 10, 31, 58, 3, 45, 35, 27, 43, 5, 49, 33, 9, 42, 19, 29, 28, 14, 39, 12, 38, 41, 13, 37, 48, 7, 16,
  24, 55, 40, 61, 26, 17, 0, 1, 60, 51, 30, 4, 22, 25, 54, 21, 56, 59, 6, 63, 57, 62, 11, 36, 20, 34, 44, 52,
];

/** A key as Bilibili hands it out: 32 hex digits (anything else read from the page is ignored). */
export const isWbiKey = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/i.test(v);

export function mixinKey({ imgKey, subKey }: WbiKeys): string {
  const raw = imgKey + subKey;
  return MIXIN_KEY_ENC_TAB.map((n) => raw[n] ?? '')
    .join('')
    .slice(0, 32);
}

/** The signed query string: the parameters and `wts` sorted by name, then `w_rid`. `wts` is Unix seconds. */
export function signWbi(params: Record<string, string | number>, keys: WbiKeys, wts: number): string {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...params, wts })) all[k] = String(v).replace(/[!'()*]/g, '');
  const query = Object.keys(all)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(all[k]!)}`)
    .join('&');
  return `${query}&w_rid=${md5(query + mixinKey(keys))}`;
}
