/**
 * Listen to align, the part that is always loaded: the panel's ListenModel, and stored anchors
 * applied on a later viewing. Everything heavy (capture, features, the aligner) is in the
 * audio-listen chunk, fetched on the first "listen" click or when stored anchors exist. With the
 * setting off nothing here reads storage, captures or creates an AudioContext.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { TALK } from '../../bilibili/route';
import type { TimedUnit } from '../../lib/timeline';
import { effectFor, onEnd } from '../dom/lifetime';
import { audioAnchorsItem } from '../models/storage';
import type { Timing } from '../models/timing';
import type { ListenModel, ListenState } from '../views/context';
import type { AudioAnchor } from '../../lib/audio';
import type { Listening } from './audio-listen';

export interface ListenInputs {
  win: Window;
  life: AbortSignal;
  enabled: ReadonlySignal<boolean>;
  units: readonly TimedUnit[];
  duration: ReadonlySignal<number>;
  timing: Timing;
  /** The page's current media element (null while there is none). */
  media: ReadonlySignal<Element | null>;
}

export function createListenModel(inp: ListenInputs): ListenModel {
  const { win, life, timing } = inp;
  const running = signal<'idle' | 'listening' | 'failed'>('idle');
  const heardSeconds = signal(0);
  const item = audioAnchorsItem(TALK.bvid, TALK.p);
  let session: Listening | null = null;
  let restored = false;
  let before: readonly AudioAnchor[] = [];

  const support = (): ListenState => {
    const el = inp.media.value;
    if (!(el instanceof (win as Window & typeof globalThis).HTMLVideoElement)) return 'unsupported-player';
    const v = el as HTMLVideoElement & { captureStream?: unknown; mozCaptureStream?: unknown };
    // Firefox (known by its mozCaptureStream): its capture has rerouted the element's sound
    // into the stream, changing what the user hears. Firefox ESR 153 also has an unprefixed
    // captureStream() whose output behaviour is not verified here, so listening is not offered.
    if (typeof v.mozCaptureStream === 'function') return 'unsupported-firefox';
    if (typeof v.captureStream !== 'function') return 'unsupported-player';
    return 'idle';
  };
  const state = computed<ListenState>(() => {
    if (!inp.enabled.value) return 'off';
    const r = running.value;
    if (r !== 'idle') return r;
    return support();
  });

  // A later viewing: the stored anchors give the starts at once (only for a user who opted in).
  effectFor(life, () => {
    if (!inp.enabled.value || restored || inp.duration.value <= 0) return;
    restored = true;
    const duration = inp.duration.peek();
    void item
      .getValue()
      .then(async (rec) => {
        if (!rec || life.aborted || !Array.isArray(rec.anchors) || rec.anchors.length === 0) return;
        const m = await import('./audio-listen');
        if (life.aborted) return;
        const layer = m.restoredLayer(inp.units, rec, duration);
        if (layer) {
          before = layer.full;
          timing.audio.value = { starts: layer.starts, anchors: layer.anchors };
          heardSeconds.value = Math.max(heardSeconds.peek(), Number.isFinite(rec.heardSeconds) ? rec.heardSeconds : 0);
        }
      })
      .catch((err: unknown) => console.warn('[companion] stored audio anchors unreadable', err));
  });
  // Turning the setting off stops listening and takes the audio layer away.
  effectFor(life, () => {
    if (inp.enabled.value) return;
    session?.stop();
    session = null;
    running.value = 'idle';
    timing.audio.value = null;
  });
  onEnd(life, () => session?.stop());

  return {
    state,
    heardSeconds,
    start() {
      const el = inp.media.peek();
      if (state.peek() !== 'idle' || !(el instanceof HTMLVideoElement)) return;
      running.value = 'listening';
      import('./audio-listen')
        .then((m) => {
          if (life.aborted || running.peek() !== 'listening') return;
          session = m.startListening({
            video: el,
            life,
            units: inp.units,
            duration: inp.duration.peek(),
            heardBefore: heardSeconds.peek(),
            before,
            onHeard: (s) => (heardSeconds.value = s),
            onLayer: (layer) => {
              before = layer.full;
              timing.audio.value = { starts: layer.starts, anchors: layer.anchors };
            },
            save: (rec) => item.setValue(rec),
            onEnd: (failed) => {
              session = null;
              running.value = failed ? 'failed' : 'idle';
            },
          });
        })
        .catch((err: unknown) => {
          console.warn('[companion] listening unavailable', err);
          running.value = 'failed';
        });
    },
    stop() {
      session?.stop();
      session = null;
      if (running.peek() === 'listening') running.value = 'idle';
    },
  };
}
