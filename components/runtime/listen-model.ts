/**
 * The panel's ListenModel before anyone opted in: "off", and nothing else loaded. Turning the
 * setting on fetches audio-align (the real model) and mirrors it; default settings never pay for it.
 */
import { effect, signal } from '@preact/signals';
import { effectFor, onEnd } from '../dom/lifetime';
import type { ListenModel, ListenState } from '../views/context';
import type { ListenInputs } from './audio-align';

export function lazyListenModel(inp: ListenInputs): ListenModel {
  const state = signal<ListenState>('off');
  const heardSeconds = signal(0);
  let real: ListenModel | null = null;
  let loading = false;
  effectFor(inp.life, () => {
    if (!inp.enabled.value || loading) return;
    loading = true;
    import('./audio-align')
      .then((m) => {
        if (inp.life.aborted) return;
        const model = (real = m.createListenModel(inp));
        onEnd(
          inp.life,
          effect(() => {
            state.value = model.state.value;
            heardSeconds.value = model.heardSeconds.value;
          }),
        );
      })
      .catch((err: unknown) => {
        loading = false;
        console.warn('[companion] listen to align unavailable', err);
      });
  });
  return {
    state,
    heardSeconds,
    start: () => real?.start(),
    stop: () => real?.stop(),
  };
}
