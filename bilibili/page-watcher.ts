/**
 * Watches the video page for what the panel depends on: the player container, the media
 * element (replaced on part switches), the screen mode (data-screen), and — through the
 * `tick` callback — anything that may have moved the panel (Bilibili re-renders the right
 * column). One MutationObserver, coalesced to one check per animation frame; a check is a
 * few property reads when nothing changed.
 */
import { findMedia, findPlayerContainer, screenMode, type MediaRef, type ScreenMode } from './dom';

export interface PageState {
  container: HTMLElement | null;
  media: MediaRef | null;
  mode: ScreenMode;
}

export function watchPage(doc: Document, signal: AbortSignal, onTick: (state: PageState, changed: boolean) => void): () => void {
  let state: PageState = { container: null, media: null, mode: 'normal' };
  let scheduled = 0;

  const check = (): void => {
    scheduled = 0;
    if (signal.aborted) return;
    const media = state.media?.el.isConnected ? state.media : findMedia(doc);
    // Until the media exists the container may be the empty #bilibili-player placeholder (a
    // fallback selector); look again once the player is built or replaced.
    const keep = state.container?.isConnected && media !== null && media.el === state.media?.el;
    const container = keep ? state.container : findPlayerContainer(doc);
    const mode = screenMode(container);
    const changed = container !== state.container || media?.el !== state.media?.el || mode !== state.mode;
    if (changed) state = { container, media, mode };
    onTick(state, changed);
  };

  const schedule = (): void => {
    if (!scheduled && !signal.aborted) scheduled = requestAnimationFrame(check);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-screen'] });
  // Fullscreen changes do not always touch the DOM.
  doc.addEventListener('fullscreenchange', schedule, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (scheduled) cancelAnimationFrame(scheduled);
    },
    { once: true },
  );
  check();
  return schedule;
}

/**
 * Keep `host` at (parent, before). `loose` accepts any position inside the parent, for
 * containers whose children the page reorders (the player, body).
 */
export function ensurePlaced(host: Element, parent: Element, before: Node | null, loose = false): void {
  if (host.parentNode === parent && (loose || before === host || host.nextSibling === before)) return;
  parent.insertBefore(host, before === host ? host.nextSibling : before);
}
