/** Which Bilibili page are we on? Pure: takes the URL, so tests feed real URLs. */

/** The talk; `aid` is the BV id's aid (bilibili/bvid.ts, checked in tests), which its AI track's file name starts with. */
export const TALK = { bvid: 'BV1DS411w7hz', p: 6, aid: 1905805309 } as const;

export interface Route {
  bvid: string;
  /** Part number; a missing or invalid `p` means part 1. */
  p: number;
  /** Deep-link start time in seconds, when the URL carries `t`. */
  t: number | null;
}

export type RouteKind = 'talk' | 'sibling' | 'other';

const BVID = /^BV[0-9A-Za-z]{10}$/;

export function parseRoute(url: string): Route | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.hostname !== 'www.bilibili.com') return null;
  const m = /^\/video\/([^/]+)\/?$/.exec(u.pathname);
  const bvid = m?.[1];
  if (!bvid || !BVID.test(bvid)) return null;
  const pRaw = u.searchParams.get('p');
  const pNum = pRaw !== null && /^\d{1,4}$/.test(pRaw) ? Number(pRaw) : 1;
  const tRaw = u.searchParams.get('t');
  const tNum = tRaw !== null && /^\d+(\.\d+)?$/.test(tRaw) ? Number(tRaw) : null;
  return { bvid, p: pNum >= 1 ? pNum : 1, t: tNum };
}

/** BV ids are case-sensitive base58; compare exactly. */
export function classify(route: Route | null): RouteKind {
  if (!route || route.bvid !== TALK.bvid) return 'other';
  return route.p === TALK.p ? 'talk' : 'sibling';
}

/**
 * Where the manifest puts the MAIN-world bridge: every part of the talk's video, at load. (A
 * match pattern's path also covers the query.) A talk reached by pushState from another video
 * has none; see bilibili/bridge-inject.ts.
 */
export const TALK_MATCHES = [`*://www.bilibili.com/video/${TALK.bvid}*`];

/** Does a document URL fall under TALK_MATCHES? */
export function matchesTalkPages(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      /^https?:$/.test(u.protocol) && u.hostname === 'www.bilibili.com' && `${u.pathname}${u.search}`.startsWith(`/video/${TALK.bvid}`)
    );
  } catch {
    return false;
  }
}

export function talkUrl(t?: number): string {
  const base = `https://www.bilibili.com/video/${TALK.bvid}/?p=${TALK.p}`;
  return t === undefined ? base : `${base}&t=${Math.max(0, Math.floor(t))}`;
}
