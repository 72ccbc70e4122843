/**
 * Layer 2 of the timeline: Bilibili's own subtitle track for the part (when the user has one),
 * cached per part, aligned to the segments' raw text. Never blocks the panel; failures keep
 * the estimate and say so once in the console.
 */
import type { Signal } from '@preact/signals';
import { TALK } from '../bilibili/route';
import { fetchSubtitleCues } from '../bilibili/subtitles';
import { alignCues, fillGaps } from '../lib/align';
import type { LoadedPack } from '../lib/pack/bundle';
import { estimateStarts } from '../lib/timeline';
import { subtitleCacheItem } from './models/storage';

const SUBTITLE_CACHE_DAYS = 30;

export async function loadSubtitles(
  win: Window,
  life: AbortSignal,
  cid: number,
  duration: number,
  loaded: LoadedPack,
  aligned: Signal<readonly number[] | null>,
): Promise<void> {
  const { bvid, p } = TALK;
  const cache = subtitleCacheItem(bvid, p);
  const { pack } = loaded;
  const sources = pack.segments.map((s) => pack.raw.slice(s.span[0], s.span[1]));
  let cues = null as { from: number; to: number; text: string }[] | null;
  try {
    const hit = await cache.getValue();
    const fresh = hit && hit.v === 1 && hit.cid === cid && Date.now() - hit.fetchedAt < SUBTITLE_CACHE_DAYS * 86_400_000;
    if (fresh && Array.isArray(hit.cues)) cues = hit.cues;
  } catch {
    cues = null;
  }
  if (!cues) {
    const result = await fetchSubtitleCues({ bvid, cid, duration, fetch: win.fetch.bind(win), signal: life });
    if (life.aborted) return;
    if (!result.ok) {
      // Logged out / no track is the normal case; anything else deserves one line in the console.
      if (result.reason !== 'none') console.warn(`[companion] subtitles ignored (${result.reason}): ${result.detail ?? ''}`);
      return;
    }
    cues = result.cues;
    void cache.setValue({ v: 1, cid, lan: result.lan, fetchedAt: Date.now(), cues }).catch(() => undefined);
  }
  const units = pack.segments.map((s, i) => ({ source: sources[i] ?? '', speaker: s.speaker }));
  const known = alignCues(sources, cues);
  if (known.every((k) => k === null)) return;
  aligned.value = fillGaps(known, estimateStarts(units, duration), duration);
}
