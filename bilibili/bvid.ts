/**
 * BV id → aid, Bilibili's public base-58 mapping (the 2024 form of the algorithm in
 * bilibili-API-collect docs/misc/bvid_desc.md; checked against published pairs in the tests).
 * The aid is what an AI subtitle URL's file name starts with, before the cid.
 */
const TABLE = 'FcwAPNKTMug3GV5Lj7EJnHpWsx4tb8haYeviqBz6rkCy12mUSDQX9RdoZf';
const XOR = 23442827791579n;
const MASK = 2251799813685247n;

export function aidFromBvid(bvid: string): number | null {
  if (!/^BV1[1-9A-HJ-NP-Za-km-z]{9}$/.test(bvid)) return null;
  const c = bvid.split('');
  [c[3], c[9]] = [c[9]!, c[3]!];
  [c[4], c[7]] = [c[7]!, c[4]!];
  let n = 0n;
  for (const ch of c.slice(3)) n = n * 58n + BigInt(TABLE.indexOf(ch));
  return Number((n & MASK) ^ XOR);
}
