/** Finding things on Bilibili's page. Every function takes its root, so tests pass fixtures. */
import { SELECTORS, first } from './selectors';

export type ScreenMode = 'normal' | 'wide' | 'web' | 'full' | 'mini';
const SCREEN_MODES: readonly ScreenMode[] = ['normal', 'wide', 'web', 'full', 'mini'];

export function findPlayerContainer(root: ParentNode): HTMLElement | null {
  return first<HTMLElement>(root, SELECTORS.playerContainer);
}

export type MediaRef = { kind: 'video'; el: HTMLVideoElement } | { kind: 'bwp'; el: HTMLElement };

export function findMedia(root: ParentNode): MediaRef | null {
  const el = first<HTMLElement>(root, SELECTORS.media);
  if (!el) return null;
  return el instanceof HTMLVideoElement ? { kind: 'video', el } : { kind: 'bwp', el };
}

export function screenMode(container: Element | null): ScreenMode {
  const v = container?.getAttribute('data-screen');
  return SCREEN_MODES.find((m) => m === v) ?? 'normal';
}

export function findProgressBar(container: ParentNode): HTMLElement | null {
  return first<HTMLElement>(container, SELECTORS.progressBar);
}

/** Web-fullscreen and fullscreen hide everything outside the player container. */
export const isImmersive = (mode: ScreenMode): boolean => mode === 'web' || mode === 'full';

export interface MountPoint {
  parent: Element;
  before: Node | null;
}

/**
 * Where the panel goes beside the player: top of the right column, fallbacks in order; in wide
 * mode below the danmaku box (above it is the strip the wider player covers).
 */
export function findColumnMount(root: ParentNode, mode: ScreenMode = 'normal'): MountPoint | null {
  if (mode === 'wide') {
    const below = first(root, SELECTORS.mountAfterWide);
    if (below?.parentElement) return { parent: below.parentElement, before: below.nextSibling };
  }
  const before = first(root, SELECTORS.mountBefore);
  if (before?.parentElement) return { parent: before.parentElement, before };
  const after = first(root, SELECTORS.mountAfter);
  if (after?.parentElement) return { parent: after.parentElement, before: after.nextSibling };
  const into = first(root, SELECTORS.mountInto);
  if (into) return { parent: into, before: into.firstChild };
  return null;
}
