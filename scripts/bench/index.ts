/**
 * npm run bench — measures the budgets of ARCHITECTURE.md in real Chromium on the fixture
 * page (and the pure parts in Node), prints a table and writes bench-results/bench.json.
 * Timings are reported here, never asserted in unit tests. One file per thing measured.
 */
import { ensureMedia } from '../../tests/e2e/media';
import { loadTalk, openBench } from './context';
import { measureHighlight } from './highlight';
import { measureAudio } from './audio';
import { measureListening } from './listening';
import { measureNavigation } from './navigation';
import { measureNonTarget } from './non-target';
import { measurePlayback } from './playback';
import { measurePopup } from './popup';
import { measurePure } from './pure';
import { createReport } from './report';
import { measureSeek } from './seek';

// BENCH_ONLY=highlight,seek runs just those (while working on one budget).
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string): boolean => !only || only.includes(name);

const BROWSER = ['navigation', 'playback', 'highlight', 'seek', 'non-target', 'popup'];

async function main(): Promise<void> {
  const report = createReport();
  // The browser is launched only for what needs it (BENCH_ONLY=pure,audio runs in Node alone).
  if (BROWSER.some(wanted)) {
    ensureMedia();
    const bench = await openBench();
    try {
      await loadTalk(bench.page);
      if (wanted('navigation')) await measureNavigation(bench, report);
      if (wanted('playback')) await measurePlayback(bench, report);
      if (wanted('highlight')) await measureHighlight(bench, report);
      if (wanted('seek')) await measureSeek(bench, report);
      if (wanted('non-target')) await measureNonTarget(bench, report);
      if (wanted('popup')) await measurePopup(bench, report);
    } finally {
      await bench.context.close();
    }
  }
  if (wanted('pure')) measurePure(report);
  if (wanted('audio')) await measureAudio(report);
  if (wanted('listening')) await measureListening(report);
  report.print();
  report.write('bench-results/bench.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
