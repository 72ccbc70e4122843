/**
 * Listening's last alignment: what was heard since the alignment before it is aligned and saved
 * even when the panel ends with listening (a part switch), for the part that was heard. The
 * capture is replaced by the synthetic corpus' features, fed as the page's worklet would.
 */
import { describe, expect, it, vi } from 'vitest';
import { createFeatureExtractor, type FeatureChunk } from '../../lib/audio';
import { timedUnits } from '../../lib/pack/source';
import { DEFAULT_DURATION } from '../../lib/timeline';
import { loadPack } from '../../scripts/pack-files';
import { canSynthesize, ensureCorpus } from '../../scripts/synth/corpus';
import { readWav } from '../../scripts/synth/evaluate';
import type { AudioAnchorRecord } from '../../components/models/storage';

const feed: { onChunk: ((c: FeatureChunk) => void) | null } = { onChunk: null };
vi.mock('../../components/audio/capture', () => ({
  listen: (_video: unknown, _life: AbortSignal, onChunk: (c: FeatureChunk) => void) => {
    feed.onChunk = onChunk;
    return { stop: () => undefined };
  },
}));

const { startListening } = await import('../../components/runtime/audio-listen');

describe.skipIf(!canSynthesize())('listening ends with the panel (a part switch)', () => {
  it('still aligns and saves what was heard since the last alignment', { timeout: 120_000 }, async () => {
    const pack = loadPack();
    const units = timedUnits(pack);
    const pcm = readWav((await ensureCorpus({ seed: 2, seconds: 150 }, pack)).wav);
    const part = new AbortController();
    const saved: AudioAnchorRecord[] = [];
    const layers: number[] = [];
    const listening = startListening({
      video: new EventTarget() as HTMLVideoElement,
      life: part.signal,
      units,
      duration: DEFAULT_DURATION,
      heardBefore: 0,
      before: [],
      onHeard: () => undefined,
      onLayer: (l) => layers.push(l.anchors.length),
      save: async (rec) => void saved.push(rec),
      onEnd: () => undefined,
    });
    // 150 s heard in one go: alignments start every 30 s, none gets past its first slice.
    const ex = createFeatureExtractor({ sampleRate: pcm.sampleRate });
    for (let i = 0; i < pcm.samples.length; i += 2048)
      for (const c of ex.push(pcm.samples.subarray(i, i + 2048), i / pcm.sampleRate)) feed.onChunk!(c);
    for (const c of ex.flush()) feed.onChunk!(c);
    // The part switch: the panel's lifetime ends, and with it listening.
    part.abort();
    listening.stop();
    await vi.waitFor(() => expect(saved.length).toBeGreaterThan(0), { timeout: 8000, interval: 50 });
    const rec = saved[saved.length - 1]!;
    expect(rec.heardSeconds).toBeGreaterThan(140);
    expect(rec.anchors.length).toBeGreaterThan(5);
    // The panel is gone: its timing is not touched.
    expect(layers).toEqual([]);
  });
});
