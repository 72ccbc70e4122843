/** The subtitle client against every bad answer: the estimate stays, no crash, no retry storm. */
import { describe, expect, it, vi } from 'vitest';
import { MAX_CUES } from '../../bilibili/subtitle-cues';
import { fetchSubtitleCues, PLAYER_API } from '../../bilibili/subtitles';

const CID = 1_500_006;
const CUE_URL = '//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/abc?auth_key=1-2-3';
const player = (over: Record<string, unknown> = {}) => ({
  code: 0,
  data: { cid: CID, subtitle: { subtitles: [{ lan: 'ai-zh', lan_doc: '中文（自动生成）', subtitle_url: CUE_URL }] }, ...over },
});
const cues = (body: unknown) => ({ body });

type Answer = unknown | ((url: string) => Response | Promise<Response>);

function fakeFetch(answers: { player: Answer; cues?: Answer }) {
  const calls: string[] = [];
  const respond = (a: Answer, url: string): Response | Promise<Response> => {
    if (typeof a === 'function') return (a as (u: string) => Response)(url);
    return new Response(typeof a === 'string' ? a : JSON.stringify(a), { status: 200 });
  };
  const fn = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    if (url.startsWith(PLAYER_API)) return respond(answers.player, url);
    return respond(answers.cues ?? cues([]), url);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const run = (f: ReturnType<typeof fakeFetch>, duration = 2400) =>
  fetchSubtitleCues({
    bvid: 'BV1DS411w7hz',
    cid: CID,
    duration,
    fetch: f.fetch,
    signal: new AbortController().signal,
    retryDelayMs: 1,
    timeoutMs: 200,
  });

describe('fetchSubtitleCues', () => {
  it("fetches the part's track and returns validated cues", async () => {
    const f = fakeFetch({
      player: player(),
      cues: cues([
        { from: 1, to: 2, content: '大家好' },
        { from: 2.5, to: 4, content: '我们开始' },
      ]),
    });
    const r = await run(f);
    expect(r).toEqual({
      ok: true,
      lan: 'ai-zh',
      cues: [
        { from: 1, to: 2, text: '大家好' },
        { from: 2.5, to: 4, text: '我们开始' },
      ],
      chapters: [],
      playerCalls: 1,
    });
    expect(f.calls).toEqual([`${PLAYER_API}?bvid=BV1DS411w7hz&cid=${CID}`, `https:${CUE_URL}`]);
  });
  it('logged out (no subtitles) is "none", one request', async () => {
    const f = fakeFetch({ player: { code: 0, data: { cid: CID, need_login_subtitle: true, subtitle: { subtitles: [] } } } });
    expect(await run(f)).toMatchObject({ ok: false, reason: 'none' });
    expect(f.calls).toHaveLength(1);
  });
  it('network error: one retry, then gives up', async () => {
    const f = fakeFetch({ player: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await run(f)).toMatchObject({ ok: false, reason: 'network' });
    expect(f.calls).toHaveLength(2);
  });
  it('timeout counts as a network error (one retry)', async () => {
    const f = fakeFetch({
      player: (url: string) =>
        new Promise<Response>((_, reject) => setTimeout(() => reject(new DOMException('aborted ' + url, 'AbortError')), 500)),
    });
    expect(await run(f)).toMatchObject({ ok: false, reason: 'network' });
    expect(f.calls).toHaveLength(2);
  });
  it('HTTP 412 (risk control) is not retried', async () => {
    const f = fakeFetch({ player: () => new Response('', { status: 412 }) });
    expect(await run(f)).toMatchObject({ ok: false, reason: 'http', detail: 'HTTP 412' });
    expect(f.calls).toHaveLength(1);
  });
  it('HTTP 503 is retried once', async () => {
    const f = fakeFetch({ player: () => new Response('', { status: 503 }) });
    expect(await run(f)).toMatchObject({ ok: false, reason: 'http' });
    expect(f.calls).toHaveLength(2);
  });
  it.each([
    ['code != 0', { code: -404, message: '啥都木有' }, 'api-code'],
    ['malformed JSON', '{"code":0,', 'malformed'],
    ['wrong cid', player({ cid: 999 }), 'wrong-cid'],
    ['no data', { code: 0 }, 'malformed'],
    [
      'off-site subtitle URL',
      player({ subtitle: { subtitles: [{ lan: 'zh-CN', subtitle_url: 'https://evil.example/x.json' }] } }),
      'malformed',
    ],
    [
      'http subtitle URL',
      player({ subtitle: { subtitles: [{ lan: 'zh-CN', subtitle_url: 'http://aisubtitle.hdslb.com/x.json' }] } }),
      'malformed',
    ],
  ])('%s → %s, no retry', async (_why, answer, reason) => {
    const f = fakeFetch({ player: answer });
    expect(await run(f)).toMatchObject({ ok: false, reason });
    expect(f.calls).toHaveLength(1);
  });
  it.each([
    [
      'cues past the duration',
      cues([
        { from: 1, to: 2, content: 'a' },
        { from: 2600, to: 2601, content: 'b' },
      ]),
      'past-duration',
    ],
    [
      // Small enough in bytes (~3.5 MB) that the cue cap, not the byte cap, refuses it.
      '100,000 cues',
      cues(Array.from({ length: 100_000 }, (_, i) => ({ from: i / 50, to: i / 50, content: '' }))),
      'too-large',
    ],
    ['non-finite times', '{"body":[{"from":1,"to":2,"content":"a"},{"from":1e999,"to":1e999,"content":"b"}]}', 'bad-cues'],
    [
      'decreasing times',
      cues([
        { from: 5, to: 6, content: 'a' },
        { from: 1, to: 2, content: 'b' },
      ]),
      'bad-cues',
    ],
    ['cue text not a string', cues([{ from: 1, to: 2, content: { html: 'x' } }]), 'bad-cues'],
    ['no body', { data: [] }, 'malformed'],
  ])('%s → %s', async (_why, cueAnswer, reason) => {
    const f = fakeFetch({ player: player(), cues: cueAnswer });
    expect(await run(f)).toMatchObject({ ok: false, reason });
    expect(f.calls).toHaveLength(2);
  });
  it('keeps cue text as text: markup is stripped, never interpreted', async () => {
    const f = fakeFetch({ player: player(), cues: cues([{ from: 1, to: 2, content: '<img src=x onerror=alert(1)>扩散<b>模型</b>' }]) });
    const r = await run(f);
    expect(r.ok && r.cues[0]!.text).toBe('扩散模型');
  });
  it('caps the number of cues (the count, before the byte cap)', async () => {
    const body = Array.from({ length: MAX_CUES + 1 }, (_, i) => ({ from: i / 50, to: i / 50, content: '' }));
    const f = fakeFetch({ player: player(), cues: cues(body) });
    expect(await run(f)).toMatchObject({ ok: false, reason: 'too-large', detail: `${MAX_CUES + 1} cues` });
  });
  it('caps the bytes, by content-length before reading and by length after', async () => {
    const big = () => new Response('x', { status: 200, headers: { 'content-length': String(9_000_000) } });
    expect(await run(fakeFetch({ player: player(), cues: big }))).toMatchObject({
      ok: false,
      reason: 'too-large',
      detail: '9000000 bytes',
    });
    const long = () => new Response(`{"body":[],"pad":"${'x'.repeat(4_100_000)}"}`, { status: 200 });
    expect(await run(fakeFetch({ player: player(), cues: long }))).toMatchObject({ ok: false, reason: 'too-large' });
  });
  it('does nothing once the session has ended', async () => {
    const f = fakeFetch({ player: player() });
    const gone = new AbortController();
    gone.abort();
    const r = await fetchSubtitleCues({ bvid: 'BV1DS411w7hz', cid: CID, duration: 2400, fetch: f.fetch, signal: gone.signal });
    expect(r.ok).toBe(false);
    expect(f.calls).toHaveLength(0);
  });
});
