import { detect } from './lib/audio/detect';
import { alignSteps } from './lib/audio/align';
import { timedUnits } from './lib/pack/source';
import { loadPack } from './scripts/pack-files';
import { ensureCorpus } from './scripts/synth/corpus';
import { featuresOf, readWav } from './scripts/synth/evaluate';
const pack = loadPack();
const units = timedUnits(pack);
const { wav, truth } = await ensureCorpus({ seed: 1 }, pack);
const frames = featuresOf(readWav(wav)).frames();
for (let rep = 0; rep < 4; rep++) {
  let t = performance.now(); const det = detect(frames); const td = performance.now() - t;
  t = performance.now(); const gen = alignSteps(det, units, truth.duration); gen.next(); const t0 = performance.now() - t;
  console.log('detect', td.toFixed(1), 'step0 w/o detect', t0.toFixed(1), 'runs', det.runs.length);
}
