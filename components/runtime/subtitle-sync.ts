/**
 * Layer 2 of the timeline: Bilibili's own subtitle track for the part (when the user has one),
 * loaded, checked and cached by bilibili/subtitle-track.ts. Never blocks the panel; failures and
 * refused tracks keep the estimate and say so once in the console.
 */
import type { Signal } from '@preact/signals';
import { TALK } from '../../bilibili/route';
import { loadTrack } from '../../bilibili/subtitle-track';
import { pageFetch } from '../../bilibili/subtitles';
import type { UploaderChapter } from '../../bilibili/view-points';
import { readWbiKeys } from '../../bilibili/wbi-keys';
import type { LoadedPack } from '../../lib/pack/bundle';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts } from '../../lib/timeline';
import { subtitleCacheItem } from '../models/storage';

export async function loadSubtitles(
  win: Window,
  life: AbortSignal,
  cid: number,
  duration: number,
  loaded: LoadedPack,
  aligned: Signal<readonly number[] | null>,
  /** Uploader chapters of the part (Bilibili's view_points), for a second chapter source. */
  uploaderChapters?: Signal<readonly UploaderChapter[]>,
): Promise<void> {
  const item = subtitleCacheItem(TALK.bvid, TALK.p);
  const units = timedUnits(loaded.pack);
  const out = await loadTrack({
    bvid: TALK.bvid,
    cid,
    duration,
    fetch: pageFetch(win),
    signal: life,
    wbi: readWbiKeys(win),
    sources: units.map((u) => u.source),
    estimate: () => estimateStarts(units, duration),
    cache: { read: () => item.getValue(), write: (r) => item.setValue(r), drop: () => item.removeValue() },
  });
  if (life.aborted) return;
  if (out.warning) console.warn(`[companion] ${out.warning}`);
  if (uploaderChapters) uploaderChapters.value = out.chapters;
  if (out.starts) aligned.value = out.starts;
}
