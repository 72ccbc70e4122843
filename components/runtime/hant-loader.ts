/** Traditional script: fetched once, only when chosen (toggling while it loads does not fetch again). */
import type { ReadonlySignal } from '@preact/signals';
import type { LoadedPack } from '../../lib/pack/bundle';
import { effectFor } from '../dom/lifetime';
import { measureSince } from '../dom/perf';
import type { TalkModel } from '../models/talk';
import type { Deps } from './column';

export function loadHantWhenChosen(
  deps: Deps,
  life: AbortSignal,
  loaded: LoadedPack,
  talk: TalkModel,
  wanted: ReadonlySignal<boolean>,
): void {
  let loading: Promise<void> | null = null;
  effectFor(life, () => {
    if (!wanted.value || talk.hant.peek() || loading) return;
    const start = performance.now();
    loading = Promise.all([import('../../lib/pack/hant'), fetch(deps.url('/talk.zh-Hant.json')).then((r) => r.json() as Promise<unknown>)])
      .then(([{ applyHant }, json]) => {
        if (life.aborted) return;
        talk.hant.value = applyHant(loaded.pack, json);
        // Read by the bench: when and how long the Traditional text took to arrive.
        measureSince('hant-load', start);
      })
      .catch((err: unknown) => {
        loading = null;
        console.warn('[companion] Traditional text unavailable', err);
      });
  });
}
