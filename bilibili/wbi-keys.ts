/**
 * WBI keys the page already holds, so signing costs no request: Bilibili's scripts keep them in
 * the page origin's localStorage (readable from the content script) as `wbi_img_urls`
 * ("<img url>-<sub url>"), or in older builds as `wbi_img_url` and `wbi_sub_url`. Each key is the
 * file name of its URL (…/bfs/wbi/<32 hex>.png). Page storage is untrusted: anything but two
 * 32-hex keys means no keys, and the call goes out unsigned.
 */
import { isWbiKey, type WbiKeys } from '../lib/wbi';

const KEY_URL = /\/([0-9a-f]{32})\.[a-z]{2,5}$/i;
const MAX_VALUE = 1000;

const stem = (url: string | null | undefined): string | undefined => (url ? KEY_URL.exec(url)?.[1] : undefined);

export function readWbiKeys(win: { readonly localStorage: Pick<Storage, 'getItem'> | null }): WbiKeys | null {
  const read = (name: string): string | null => {
    try {
      const v = win.localStorage?.getItem(name);
      return typeof v === 'string' && v.length <= MAX_VALUE ? v : null;
    } catch {
      return null; // storage disabled or denied (SecurityError)
    }
  };
  const joined = /^(.+?\.[a-z]{2,5})-(.+)$/i.exec(read('wbi_img_urls') ?? '');
  for (const [img, sub] of [
    [joined?.[1], joined?.[2]],
    [read('wbi_img_url'), read('wbi_sub_url')],
  ]) {
    const imgKey = stem(img);
    const subKey = stem(sub);
    if (isWbiKey(imgKey) && isWbiKey(subKey)) return { imgKey, subKey };
  }
  return null;
}
