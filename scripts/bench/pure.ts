/** The pure parts, in Node: alignment of a 40-minute subtitle track, search per keystroke. */
import { signal } from '@preact/signals';
import { alignCues, fillGaps } from '../../lib/align';
import { timedUnits } from '../../lib/pack/source';
import { estimateStarts } from '../../lib/timeline';
import { cueTrack } from '../../tests/e2e/cues';
import { MEDIA_DURATION } from '../../tests/e2e/site';
import { searchIndexOf } from '../../components/models/search-index';
import { createTalkModel } from '../../components/models/talk';
import { buildPackBundle } from '../pack-bundle';
import { ms, pct, type Report } from './report';

export function measurePure(report: Report): void {
  const { bundle, pack } = buildPackBundle();
  const units = timedUnits(pack);
  const sources = units.map((u) => u.source);
  const track = cueTrack(MEDIA_DURATION).body.map((c) => ({ from: c.from, to: c.to, text: c.content }));
  const alignRuns: number[] = [];
  for (let k = 0; k < 15; k++) {
    const t0 = performance.now();
    fillGaps(alignCues(sources, track), estimateStarts(units, MEDIA_DURATION), MEDIA_DURATION);
    alignRuns.push(performance.now() - t0);
  }
  report.set('alignMs', { median: pct(alignRuns, 50), max: Math.max(...alignRuns), cues: track.length });
  report.row(
    `subtitle alignment, whole talk (${track.length} cues), median of 15`,
    ms(pct(alignRuns, 50)),
    '≤ 50 ms',
    pct(alignRuns, 50) <= 50,
  );

  const talk = createTalkModel({ pack, pinyin: bundle.pinyin }, signal(false));
  const index = searchIndexOf(talk);
  const t0 = performance.now();
  index.prepare();
  const prepareMs = performance.now() - t0;
  const keystrokes: number[] = [];
  for (const word of ['kuosan', 'scaling law', 'Mamba', '扩散模型', 'ks', '幻觉', 'hallucination', 'zixuigui']) {
    for (let n = 1; n <= word.length; n++) {
      const t = performance.now();
      index.search(word.slice(0, n));
      keystrokes.push(performance.now() - t);
    }
  }
  report.set('searchMs', {
    prepare: prepareMs,
    p50: pct(keystrokes, 50),
    p95: pct(keystrokes, 95),
    max: Math.max(...keystrokes),
    keystrokes: keystrokes.length,
  });
  report.row('search index build (once, when the search tab opens)', ms(prepareMs), '', null);
  report.row(
    `search per keystroke (${keystrokes.length} keystrokes) p50 / max`,
    `${ms(pct(keystrokes, 50))} / ${ms(Math.max(...keystrokes))}`,
    '≤ 5 ms',
    Math.max(...keystrokes) <= 5,
  );
}
