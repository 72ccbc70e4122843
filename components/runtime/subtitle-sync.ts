/**
 * Layer 2 of the timeline: Bilibili's own subtitle track for the part (when the user has one),
 * cached per part, aligned to the segments' raw text. Never blocks the panel; failures keep
 * the estimate and say so once in the console.
 */
import type { Signal } from '@preact/signals';
import { TALK } from '../../bilibili/route';
import { fetchSubtitleCues, pageFetch, readCues } from '../../bilibili/subtitles';
import { alignCues, fillGaps, type Cue } from '../../lib/align';
import type { LoadedPack } from '../../lib/pack/bundle';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts } from '../../lib/timeline';
import { subtitleCacheItem } from '../models/storage';

const SUBTITLE_CACHE_DAYS = 30;

/** A cached track, re-validated like a fresh one (storage is as untrusted as the network). */
async function cachedCues(cid: number, duration: number): Promise<Cue[] | null> {
  try {
    const hit = await subtitleCacheItem(TALK.bvid, TALK.p).getValue();
    if (!hit || hit.v !== 1 || hit.cid !== cid || !(Date.now() - hit.fetchedAt < SUBTITLE_CACHE_DAYS * 86_400_000)) return null;
    const cues = Array.isArray(hit.cues) ? hit.cues : [];
    return readCues({ body: cues.map((c) => ({ from: c?.from, to: c?.to, content: c?.text })) }, duration);
  } catch {
    return null;
  }
}

export async function loadSubtitles(
  win: Window,
  life: AbortSignal,
  cid: number,
  duration: number,
  loaded: LoadedPack,
  aligned: Signal<readonly number[] | null>,
): Promise<void> {
  let cues = await cachedCues(cid, duration);
  if (life.aborted) return;
  if (!cues) {
    const result = await fetchSubtitleCues({ bvid: TALK.bvid, cid, duration, fetch: pageFetch(win), signal: life });
    if (life.aborted) return;
    if (!result.ok) {
      // Logged out / no track is the normal case; anything else deserves one line in the console.
      if (result.reason !== 'none') console.warn(`[companion] subtitles ignored (${result.reason}): ${result.detail ?? ''}`);
      return;
    }
    cues = result.cues;
    const record = { v: 1 as const, cid, lan: result.lan, fetchedAt: Date.now(), cues };
    void subtitleCacheItem(TALK.bvid, TALK.p)
      .setValue(record)
      .catch(() => undefined);
  }
  const units = timedUnits(loaded.pack);
  const known = alignCues(
    units.map((u) => u.source),
    cues,
  );
  if (known.every((k) => k === null)) return;
  aligned.value = fillGaps(known, estimateStarts(units, duration), duration);
}
