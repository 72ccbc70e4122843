/**
 * Every Bilibili selector lives here, most specific first (BILIBILI.md). Nothing else in the
 * code base names Bilibili's classes.
 */
/** The media element (the MAIN-world bridge needs only these, so they stand alone). */
export const MEDIA_SELECTORS = [
  '.bpx-player-video-wrap video',
  '#bilibili-player video',
  '.bpx-player-video-area bwp-video',
  '#bilibili-player bwp-video',
] as const;

export const SELECTORS = {
  playerContainer: ['#bilibili-player .bpx-player-container', '.bpx-player-container', '#bilibili-player', '#playerWrap'],
  media: MEDIA_SELECTORS,
  /** The panel goes at the top of the right column: above the danmaku box, after the uploader panel. */
  mountBefore: ['.right-container-inner #danmukuBox', '.right-container #danmukuBox'],
  mountAfter: ['.right-container-inner .up-panel-container', '.right-container .up-panel-container'],
  mountInto: ['.right-container-inner', '.right-container'],
  /**
   * Wide mode: the bigger player covers the top of the right column and Bilibili pushes the danmaku
   * box below it with a top margin, so above the box is under the player; the panel goes after it.
   */
  mountAfterWide: ['.right-container-inner #danmukuBox', '.right-container #danmukuBox'],
  /** The player's progress bar, looked up inside the player container (chapter ticks are drawn over it, never in it). */
  progressBar: ['.bpx-player-progress'],
  /**
   * The container's marks for "controls hidden" (idle or pointer gone): the class and attribute
   * public userscripts test; not verified on the live site.
   */
  controlsHidden: ['.bpx-state-no-cursor', '[data-ctrl-hidden="true"]'],
} as const;

export function first<T extends Element = Element>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const s of selectors) {
    const el = root.querySelector<T>(s);
    if (el) return el;
  }
  return null;
}
