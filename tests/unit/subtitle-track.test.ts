/**
 * Item 0: another video's track under the right cid is refused, not cached, and the estimate
 * stays with one warning; this talk's track is accepted and cached; a cached foreign track from
 * before the check is dropped and asked again.
 */
import { describe, expect, it } from 'vitest';
import { loadTrack, SUBTITLE_CACHE_DAYS, type TrackRecord } from '../../bilibili/subtitle-track';
import { PLAYER_API } from '../../bilibili/subtitles';
import { alignedShare, MIN_ALIGNED_SHARE, type Cue } from '../../lib/align';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';
import { cueTrack, foreignTrack, playerWithTrack } from '../e2e/cues';
import { MEDIA_DURATION, TALK_CIDS } from '../e2e/site';

const CID = TALK_CIDS[5]!;
const units = timedUnits(loadPack());
const sources = units.map((u) => u.source);
const correct = cueTrack(MEDIA_DURATION);
const foreign = foreignTrack(MEDIA_DURATION);
const NOW = 1_750_000_000_000;

function harness(cueBody: unknown, stored: unknown = null, player: unknown = playerWithTrack()) {
  const calls: string[] = [];
  const cache = { value: stored, writes: [] as TrackRecord[], drops: 0 };
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return new Response(JSON.stringify(String(input).startsWith(PLAYER_API) ? player : { body: cueBody }), { status: 200 });
  }) as typeof globalThis.fetch;
  const load = () =>
    loadTrack({
      bvid: 'BV1DS411w7hz',
      cid: CID,
      duration: MEDIA_DURATION,
      fetch,
      signal: new AbortController().signal,
      retryDelayMs: 1,
      now: () => NOW,
      sources,
      estimate: () => estimateStarts(units, MEDIA_DURATION),
      cache: {
        read: async () => cache.value,
        write: async (r) => void cache.writes.push(r),
        drop: async () => void cache.drops++,
      },
    });
  return { load, calls, cache };
}

const asCues = (body: { from: number; to: number; content: string }[]): Cue[] =>
  body.map((c) => ({ from: c.from, to: c.to, text: c.content }));

describe('a track is accepted only if it is this talk’s', () => {
  it("this talk's track: accepted, its times used, cached, no warning", async () => {
    const h = harness(correct.body);
    const out = await h.load();
    expect(out.from).toBe('network');
    expect(out.warning).toBeNull();
    const close = out.starts!.filter((t, i) => Math.abs(t - correct.starts[i]!) < 1).length;
    expect(close / sources.length).toBeGreaterThanOrEqual(0.99);
    expect(h.cache.writes).toHaveLength(1);
    expect(h.cache.writes[0]).toMatchObject({ v: 1, cid: CID, lan: 'ai-zh', fetchedAt: NOW });
    expect(h.calls).toHaveLength(2);
  });
  it("another talk's track under the right cid: refused, not cached, one warning naming it", async () => {
    const h = harness(foreign);
    const out = await h.load();
    expect(out.starts).toBeNull();
    expect(out.from).toBeNull();
    expect(h.cache.writes).toHaveLength(0);
    expect(out.warning).toMatch(/foreign-track/);
    expect(out.warning).toMatch(/not cached/);
    expect(out.warning!.split('\n')).toHaveLength(1);
  });
  it('a cached track is used without asking Bilibili', async () => {
    const record: TrackRecord = { v: 1, cid: CID, lan: 'ai-zh', fetchedAt: NOW - 86_400_000, cues: asCues(correct.body), chapters: [] };
    const h = harness(correct.body, record);
    const out = await h.load();
    expect(out.from).toBe('cache');
    expect(h.calls).toHaveLength(0);
  });
  it('a cached foreign track (cached before this check) is dropped, and the fresh answer is used', async () => {
    const record: TrackRecord = { v: 1, cid: CID, lan: 'ai-zh', fetchedAt: NOW - 86_400_000, cues: asCues(foreign) };
    const h = harness(correct.body, record);
    const out = await h.load();
    expect(h.cache.drops).toBe(1);
    expect(out.from).toBe('network');
    expect(h.cache.writes).toHaveLength(1);
    expect(out.warning).toMatch(/cached track dropped \(foreign-track\)/);
  });
  it(`an expired record (${SUBTITLE_CACHE_DAYS} days) or another cid's is not used`, async () => {
    for (const stale of [
      { v: 1, cid: CID, lan: 'ai-zh', fetchedAt: NOW - (SUBTITLE_CACHE_DAYS + 1) * 86_400_000, cues: asCues(correct.body) },
      { v: 1, cid: 42, lan: 'ai-zh', fetchedAt: NOW, cues: asCues(correct.body) },
      { v: 2, cid: CID, fetchedAt: NOW, cues: 'x' },
    ]) {
      const h = harness(correct.body, stale);
      expect((await h.load()).from).toBe('network');
    }
  });
  it('uploader chapters ride along with the track and come back from the cache', async () => {
    const view_points = [
      { type: 2, from: 0, to: 900, content: '范式之争' },
      { type: 2, from: 900, to: 2400, content: '评测与提问' },
    ];
    const h = harness(correct.body, null, playerWithTrack(CID, undefined, { view_points }));
    const out = await h.load();
    expect(out.chapters.map((c) => c.title)).toEqual(['范式之争', '评测与提问']);
    const again = harness(correct.body, h.cache.writes[0]);
    expect((await again.load()).chapters).toEqual(out.chapters);
  });
  it('no track for a logged-out user: nothing to say', async () => {
    const h = harness(correct.body, null, {
      code: 0,
      data: { cid: CID, login_mid: 0, need_login_subtitle: true, subtitle: { subtitles: [] } },
    });
    const out = await h.load();
    expect(out).toMatchObject({ starts: null, warning: null });
    expect(h.calls).toHaveLength(1);
  });
});

describe(`the share threshold (${MIN_ALIGNED_SHARE})`, () => {
  it('sits far from both sides: foreign tracks align ≤ 3%, this talk’s ≥ 99%', async () => {
    const { alignCues } = await import('../../lib/align');
    for (let seed = 1; seed <= 8; seed++) {
      const share = alignedShare(sources, alignCues(sources, asCues(foreignTrack(MEDIA_DURATION, seed))));
      expect(share).toBeLessThanOrEqual(0.03);
    }
    expect(alignedShare(sources, alignCues(sources, asCues(correct.body)))).toBeGreaterThanOrEqual(0.99);
  });
});
