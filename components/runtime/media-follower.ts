/**
 * Page media → the playback model: attaches the <video> (or Bilibili's <bwp-video>, whose time
 * comes over the bridge) as it appears or is replaced, and says "not found" when no player
 * came within PLAYER_TIMEOUT_MS.
 */
import type { Signal } from '@preact/signals';
import { bwpHandle, videoHandle } from '../../bilibili/media';
import type { PageState } from '../../bilibili/page-watcher';
import { childOf, onEnd } from '../dom/lifetime';
import type { Playback } from '../models/playback';
import type { PageStatus } from '../views/context';
import type { BridgeHub } from './column';

/** How long to wait for Bilibili's player before saying so. */
const PLAYER_TIMEOUT_MS = 15_000;

export function followMedia(
  win: Window,
  life: AbortSignal,
  hub: BridgeHub,
  playback: Playback,
  status: Signal<PageStatus>,
): (state: PageState) => void {
  let attached: Element | null = null;
  let media: AbortController | null = null;
  let timeout = 0;
  const waitForPlayer = (): void => {
    win.clearTimeout(timeout);
    timeout = win.setTimeout(() => {
      if (status.peek() === 'waiting') status.value = 'not-found';
    }, PLAYER_TIMEOUT_MS);
  };
  waitForPlayer();
  onEnd(life, () => win.clearTimeout(timeout));

  return (state) => {
    if (state.media?.el === attached) return;
    media?.abort();
    media = null;
    attached = state.media?.el ?? null;
    hub.bwp.current = null;
    if (state.media) {
      media = childOf(life);
      const handle = state.media.kind === 'video' ? videoHandle(state.media.el) : (hub.bwp.current = bwpHandle(state.media.el, hub.client));
      playback.attach(handle, media.signal);
      status.value = 'ready';
      win.clearTimeout(timeout);
    } else {
      // The player went away mid-session (part switch, re-render): wait again, then say so.
      status.value = 'waiting';
      waitForPlayer();
    }
  };
}
