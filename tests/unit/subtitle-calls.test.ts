/**
 * The player call on the real site: WBI signing with the page's keys, the signed → unsigned →
 * stop rule, the one delayed retry for a logged-in empty list, at most two calls per part, the
 * track's owner in its URL, the Chinese track chosen, uploader chapters. Requests are counted.
 */
import { describe, expect, it } from 'vitest';
import { aidFromBvid } from '../../bilibili/bvid';
import { TALK } from '../../bilibili/route';
import { trackUrl } from '../../bilibili/subtitle-cues';
import { chooseTrack, fetchSubtitleCues, MAX_PLAYER_CALLS, PLAYER_API, type SubtitleRequest } from '../../bilibili/subtitles';
import { readViewPoints } from '../../bilibili/view-points';
import { readWbiKeys } from '../../bilibili/wbi-keys';
import { signWbi } from '../../lib/wbi';

const BVID = 'BV1DS411w7hz';
const AID = aidFromBvid(BVID)!;
const CID = 1_500_006;
const KEYS = { imgKey: '7cd084941338484aae1ad9425b84077c', subKey: '4932caff0ff746eab6f01bf08b70ac45' };
const NOW = 1_702_204_169_000;
const AI_URL = `//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/${AID}${CID}0f5d8849dc01?auth_key=1-2-3`;
const CUES = { body: [{ from: 1, to: 2, content: '大家好' }] };

const answer = (data: Record<string, unknown> = {}, code = 0) => ({
  code,
  message: '0',
  data: {
    aid: AID,
    bvid: BVID,
    cid: CID,
    login_mid: 42,
    need_login_subtitle: false,
    subtitle: { subtitles: [{ lan: 'ai-zh', subtitle_url: AI_URL }] },
    ...data,
  },
});
const LOGGED_IN_EMPTY = answer({ subtitle: { subtitles: [] } });
const LOGGED_OUT = { code: 0, data: { aid: AID, bvid: BVID, cid: CID, login_mid: 0, need_login_subtitle: false, view_points: [] } };
const VOUCHER = { code: 0, message: '0', ttl: 1, data: { v_voucher: 'voucher_84a8c3ce-33f5-4551-9552-9c6b13aa7938' } };
const RISK = { code: -352, message: '风控校验失败', data: { v_voucher: 'voucher_x' } };

type Reply = unknown | number | 'network';
/** Answers player calls in order (the last repeats); every request is recorded. */
function site(players: Reply[], cues: Reply = CUES) {
  const player: string[] = [];
  const other: string[] = [];
  const respond = (a: Reply): Response => {
    if (a === 'network') throw new TypeError('Failed to fetch');
    if (typeof a === 'number') return new Response('', { status: a });
    return new Response(JSON.stringify(a), { status: 200 });
  };
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith(PLAYER_API)) {
      player.push(url);
      return respond(players[Math.min(player.length, players.length) - 1]);
    }
    other.push(url);
    return respond(cues);
  }) as typeof globalThis.fetch;
  return { fetch, player, other };
}

const run = (s: ReturnType<typeof site>, over: Partial<SubtitleRequest> = {}) =>
  fetchSubtitleCues({
    bvid: BVID,
    cid: CID,
    duration: 2400,
    fetch: s.fetch,
    signal: new AbortController().signal,
    retryDelayMs: 1,
    timeoutMs: 200,
    now: () => NOW,
    ...over,
  });

const signedUrl = `${PLAYER_API}?${signWbi({ bvid: BVID, cid: CID }, KEYS, NOW / 1000)}`;
const unsignedUrl = `${PLAYER_API}?bvid=${BVID}&cid=${CID}`;

describe('WBI signing of the player call', () => {
  it('signs with the page keys (w_rid, wts) and asks nothing else for them', async () => {
    const s = site([answer()]);
    const r = await run(s, { wbi: KEYS });
    expect(r).toMatchObject({ ok: true, playerCalls: 1 });
    expect(s.player).toEqual([signedUrl]);
    expect(new URL(signedUrl).searchParams.get('wts')).toBe('1702204169');
    expect(s.other).toHaveLength(1); // the cue file, nothing more
  });
  it('without keys: unsigned, as before', async () => {
    const s = site([answer()]);
    await run(s);
    expect(s.player).toEqual([unsignedUrl]);
  });
  it.each([
    ['a v_voucher (code 0)', VOUCHER, 'voucher'],
    ['code -352 with a voucher', RISK, 'voucher'],
    ['code -403', { code: -403, message: '访问权限不足' }, 'api-code'],
    ['HTTP 412', 412, 'http'],
  ])('signed call refused with %s → one unsigned call, which answers', async (_why, refusal, reason) => {
    const s = site([refusal, answer()]);
    const r = await run(s, { wbi: KEYS });
    expect(r).toMatchObject({ ok: true, playerCalls: 2 });
    expect(r.signedRefused).toBeTruthy();
    expect(s.player).toEqual([signedUrl, unsignedUrl]);
    // The unsigned one refused too: stop there.
    const t = site([refusal]);
    const q = await run(t, { wbi: KEYS });
    expect(q).toMatchObject({ ok: false, reason, playerCalls: 2 });
    expect(t.player).toEqual([signedUrl, unsignedUrl]);
    expect(t.other).toHaveLength(0);
  });
  it('an unsigned call refused is not retried (no keys: one call)', async () => {
    for (const refusal of [VOUCHER, RISK, 412]) {
      const s = site([refusal]);
      expect((await run(s)).playerCalls).toBe(1);
      expect(s.player).toHaveLength(1);
    }
  });
  it('tells a v_voucher from a wrong cid and from another video', async () => {
    expect(await run(site([VOUCHER]))).toMatchObject({ ok: false, reason: 'voucher' });
    expect(await run(site([answer({ cid: 999 })]))).toMatchObject({ ok: false, reason: 'wrong-cid' });
    expect(await run(site([answer({ aid: 170001, bvid: 'BV17x411w7KC' })]))).toMatchObject({ ok: false, reason: 'wrong-video' });
  });
});

describe('empty subtitle list', () => {
  it('logged in, empty on the first call: one delayed retry, which has the track', async () => {
    const s = site([LOGGED_IN_EMPTY, answer()]);
    const r = await run(s);
    expect(r).toMatchObject({ ok: true, playerCalls: 2 });
    expect(s.player).toEqual([unsignedUrl, unsignedUrl]);
  });
  it('logged in, empty twice: stops after the retry', async () => {
    const s = site([LOGGED_IN_EMPTY]);
    expect(await run(s)).toMatchObject({ ok: false, reason: 'none', playerCalls: 2 });
  });
  it('signed retry stays signed', async () => {
    const s = site([LOGGED_IN_EMPTY, answer()]);
    await run(s, { wbi: KEYS });
    expect(s.player).toEqual([signedUrl, signedUrl]);
  });
  it.each([
    ['login_mid 0, no subtitle object (a real logged-out answer)', LOGGED_OUT],
    ['need_login_subtitle: true', answer({ login_mid: 0, need_login_subtitle: true, subtitle: { subtitles: [] } })],
    ['no login_mid at all', { code: 0, data: { cid: CID, subtitle: { subtitles: [] } } }],
  ])('logged out (%s): no retry, not a warning', async (_why, a) => {
    const s = site([a]);
    expect(await run(s)).toMatchObject({ ok: false, reason: 'none', playerCalls: 1 });
  });
  it.each<[string, Reply[], boolean, number, string | true]>([
    ['refused, then logged-in empty', [VOUCHER, LOGGED_IN_EMPTY, answer()], true, 2, 'none'],
    ['network, then logged-in empty', ['network', LOGGED_IN_EMPTY, answer()], false, 2, 'none'],
    ['logged-in empty, then network', [LOGGED_IN_EMPTY, 'network', answer()], false, 2, 'network'],
    ['5xx every time', [503], true, 2, 'http'],
    ['network, then refused', ['network', VOUCHER, answer()], true, 2, 'voucher'],
    ['signed fine', [answer()], true, 1, true],
  ])('never more than two player calls per part: %s', async (_why, seq, signed, calls, outcome) => {
    expect(MAX_PLAYER_CALLS).toBe(2);
    const s = site(seq);
    const r = await run(s, { wbi: signed ? KEYS : null });
    expect(s.player).toHaveLength(calls);
    expect(r.playerCalls).toBe(calls);
    if (outcome === true) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, reason: outcome });
  });
});

describe("the track's owner", () => {
  it('accepts an AI track whose file is named {aid}{cid}…', () => {
    expect(trackUrl(AI_URL, AID, CID)).toBe(`https:${AI_URL}`);
  });
  it("refuses another video's AI track under the right cid, without fetching it", async () => {
    const foreign = `//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/1139807985394142832125303${'0'}f8d?auth_key=1`;
    const s = site([answer({ subtitle: { subtitles: [{ lan: 'ai-zh', subtitle_url: foreign }] } })]);
    expect(await run(s)).toMatchObject({ ok: false, reason: 'foreign-track', playerCalls: 1 });
    expect(s.other).toHaveLength(0);
  });
  it('cannot check a name without ids (human tracks): left to the alignment check', () => {
    expect(trackUrl('//aisubtitle.hdslb.com/bfs/subtitle/c49b18a284739d99df1e3723cdf72c0c82db98e0.json', AID, CID)).toMatch(/^https:/);
    expect(trackUrl('//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/fixture.json', AID, CID)).toMatch(/^https:/);
  });
});

describe('which Chinese track', () => {
  const t = (...lans: string[]) => lans.map((lan) => ({ lan }));
  it.each([
    [t('zh-Hant', 'ai-zh'), 'ai-zh'],
    [t('zh-TW', 'zh-HK', 'ai-zh'), 'ai-zh'],
    [t('ai-zh', 'zh-CN'), 'zh-CN'],
    [t('en-US', 'zh-Hans'), 'zh-Hans'],
    [t('zh-TW'), 'zh-TW'],
    [t('en-US', 'ja'), undefined],
  ])('%j → %s', (tracks, lan) => {
    expect(chooseTrack(tracks)?.lan).toBe(lan);
  });
});

describe('uploader chapters (view_points type 2)', () => {
  it('come with the answer, validated and clamped to the duration', async () => {
    const view_points = [
      { type: 2, from: 0, to: 600, content: '开场 <b>介绍</b>', imgUrl: '//i0.hdslb.com/x.jpg' },
      { type: 2, from: 600, to: 1500, content: '扩散与自回归' },
      { type: 1, from: 700, to: 800, content: 'a highlight, not a chapter' },
      { type: 2, from: 1500, to: 99999, content: '观众提问' },
      { type: 2, from: 3000, to: 3100, content: 'past the end' },
      { type: 2, from: Number.NaN, to: 5, content: 'bad' },
      { type: 2, from: 5, to: 1, content: 'backwards' },
      { type: 2, from: 10, to: 20, content: '   ' },
    ];
    const r = await run(site([answer({ view_points })]));
    expect(r.chapters).toEqual([
      { start: 0, end: 600, title: '开场 介绍' },
      { start: 600, end: 1500, title: '扩散与自回归' },
      { start: 1500, end: 2400, title: '观众提问' },
    ]);
    // Also when there is no track (logged out): chapters do not need a login.
    const out = await run(site([{ ...LOGGED_OUT, data: { ...LOGGED_OUT.data, view_points } }]));
    expect(out).toMatchObject({ ok: false, reason: 'none' });
    expect(out.chapters).toHaveLength(3);
  });
  it('sorted; overlaps cut at the next start; duplicates and junk dropped', () => {
    expect(
      readViewPoints(
        [
          { type: 2, from: 100, to: 300, content: 'b' },
          { type: 2, from: 0, to: 150, content: 'a' },
          { type: 2, from: 100.4, to: 200, content: 'b again' },
          'x',
          null,
          { type: 2, from: 0, to: 10, content: 7 },
        ],
        200,
      ),
    ).toEqual([
      { start: 0, end: 100, title: 'a' },
      { start: 100, end: 200, title: 'b' },
    ]);
    expect(readViewPoints({ not: 'a list' }, 100)).toEqual([]);
  });
});

describe('WBI keys from the page', () => {
  const storage = (items: Record<string, string>) => ({ localStorage: { getItem: (k: string) => items[k] ?? null } });
  const url = (k: string) => `https://i0.hdslb.com/bfs/wbi/${k}.png`;
  it('reads wbi_img_urls, or the older wbi_img_url / wbi_sub_url', () => {
    expect(readWbiKeys(storage({ wbi_img_urls: `${url(KEYS.imgKey)}-${url(KEYS.subKey)}` }))).toEqual(KEYS);
    expect(readWbiKeys(storage({ wbi_img_url: url(KEYS.imgKey), wbi_sub_url: url(KEYS.subKey) }))).toEqual(KEYS);
  });
  it('treats anything else as no keys', () => {
    for (const bad of <Record<string, string>[]>[
      {},
      { wbi_img_urls: 'garbage' },
      { wbi_img_urls: `${url('zz'.repeat(16))}-${url(KEYS.subKey)}` },
      { wbi_img_urls: `${url(KEYS.imgKey)}` },
      { wbi_img_url: url(KEYS.imgKey) },
      { wbi_img_urls: `${url(KEYS.imgKey)}-${url(KEYS.subKey)}`.padEnd(5000, 'x') },
    ])
      expect(readWbiKeys(storage(bad))).toBeNull();
    const denied = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(readWbiKeys(denied)).toBeNull();
    expect(readWbiKeys({ localStorage: null })).toBeNull();
  });
});

describe('aid from the BV id', () => {
  it.each([
    // Published pairs: bilibili-API-collect (bvid_desc.md, video/player.md) and a public test.
    ['BV17x411w7KC', 170001],
    ['BV1Jt411P77c', 60977932],
    ['BV1MU411S7iJ', 1906473802],
    ['BV1Sy4y1m7Uk', 798237972],
  ])('%s → av%i', (bvid, aid) => {
    expect(aidFromBvid(bvid)).toBe(aid);
  });
  it("is the talk's aid the code uses", () => {
    expect(aidFromBvid(TALK.bvid)).toBe(TALK.aid);
  });
  it('refuses what is not a BV id', () => {
    expect(aidFromBvid('BV1DS411w7h')).toBeNull();
    expect(aidFromBvid('av170001')).toBeNull();
    expect(aidFromBvid('BV1DS411w7h0')).toBeNull(); // 0 is not base58
  });
});
