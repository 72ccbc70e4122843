/**
 * The talk as the views need it: the pack in the chosen script, term occurrences (derived
 * by the matcher, never kept by hand), mentions per term. The search index is built by the
 * search view's own chunk (search-index.ts).
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { LoadedPack } from '../../lib/pack/bundle';
import { segmentSource } from '../../lib/pack/source';
import { marksEn, marksZh, packMatchers } from '../../lib/pack/term-patterns';
import type { Segment, Speaker, TalkPack, Term } from '../../lib/pack/types';
import { splitRuns, type Run } from '../../lib/terms';

export interface TalkView {
  pack: TalkPack;
  speakers: Map<string, Speaker>;
  terms: Map<string, Term>;
  runsZh(i: number): Run[];
  runsEn(i: number): Run[];
  /** Segment indices mentioning each term (Chinese text), in order. */
  mentions: Map<string, number[]>;
  /** Segment id → index. */
  indexOf: Map<string, number>;
  chapterStarts: number[];
  source(seg: Segment): string;
}

export function prepareView(pack: TalkPack): TalkView {
  const matchers = packMatchers(pack.terms);
  const matchesZh = pack.segments.map((s) => marksZh(matchers, s));
  const cacheEn = new Map<number, Run[]>();
  const mentions = new Map<string, number[]>(pack.terms.map((t) => [t.id, []]));
  matchesZh.forEach((ms, i) => {
    for (const id of new Set(ms.map((m) => m.termId))) mentions.get(id)?.push(i);
  });
  const index = new Map(pack.segments.map((s, i) => [s.id, i]));
  const chapterStarts = pack.chapters.map((c) => index.get(c.segmentId) ?? 0);
  return {
    pack,
    speakers: new Map(pack.speakers.map((s) => [s.id, s])),
    terms: new Map(pack.terms.map((t) => [t.id, t])),
    runsZh: (i) => splitRuns(pack.segments[i]?.text ?? '', matchesZh[i] ?? []),
    runsEn(i) {
      let runs = cacheEn.get(i);
      if (!runs) {
        const seg = pack.segments[i];
        runs = seg ? splitRuns(seg.textEn, marksEn(matchers, seg)) : [];
        cacheEn.set(i, runs);
      }
      return runs;
    },
    mentions,
    indexOf: index,
    chapterStarts,
    source: (seg) => segmentSource(pack, seg),
  };
}

export interface TalkModel {
  base: LoadedPack;
  /** Traditional-script pack once loaded (null until chosen and fetched). */
  hant: Signal<TalkPack | null>;
  useHant: ReadonlySignal<boolean>;
  view: ReadonlySignal<TalkView>;
}

export function createTalkModel(base: LoadedPack, wantHant: ReadonlySignal<boolean>): TalkModel {
  const hant = signal<TalkPack | null>(null);
  const useHant = computed(() => wantHant.value && hant.value !== null);
  const baseView = prepareView(base.pack);
  let hantView: TalkView | undefined;
  const view = computed(() => {
    const h = hant.value;
    if (!useHant.value || !h) return baseView;
    return (hantView ??= prepareView(h));
  });
  return { base, hant, useHant, view };
}
