/**
 * Chapter ticks over the player's progress bar: where they go, and whether a measured bar is
 * believable enough to draw over. Pure: the runtime measures, this decides.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A bar narrower than this is not one to mark (a mini player, a half-built control bar). */
export const MIN_BAR_WIDTH = 100;
/** Bilibili's bar is a few pixels tall (its hover area a little more); taller is something else. */
export const MAX_BAR_HEIGHT = 40;
/** Ticks this close to either end say nothing (the first chapter starts at the start). */
export const EDGE_PX = 4;
/** Ticks closer than this to the previous one would read as one: the first is kept. */
export const MIN_GAP_PX = 4;
/** Slack for sub-pixel layout when the bar is compared with the player around it. */
const SLACK_PX = 2;

const finite = (b: Box): boolean => [b.left, b.top, b.width, b.height].every(Number.isFinite);

/**
 * True when `bar` looks like the player's progress bar as the user sees it now: wide enough, a
 * few pixels tall, at least partly in the viewport, and inside the player's box.
 */
export function plausibleBar(bar: Box, player: Box | null, viewport: { width: number; height: number }): boolean {
  if (!player || !finite(bar) || !finite(player)) return false;
  if (bar.width < MIN_BAR_WIDTH || bar.height <= 0 || bar.height > MAX_BAR_HEIGHT) return false;
  const onScreen = bar.left < viewport.width && bar.left + bar.width > 0 && bar.top < viewport.height && bar.top + bar.height > 0;
  const inside =
    bar.left >= player.left - SLACK_PX &&
    bar.top >= player.top - SLACK_PX &&
    bar.left + bar.width <= player.left + player.width + SLACK_PX &&
    bar.top + bar.height <= player.top + player.height + SLACK_PX;
  return onScreen && inside;
}

export interface Tick {
  /** The chapter's start, seconds. */
  t: number;
  /** Offset from the bar's left edge, px. */
  x: number;
}

/**
 * One tick per chapter start that lands on the bar, at start / duration of its width: starts
 * outside (0, duration) or non-finite are dropped, as are ticks within EDGE_PX of an end and
 * ticks within MIN_GAP_PX of the previous kept one. Empty when the duration is unknown.
 */
export function chapterTicks(starts: readonly number[], duration: number, width: number): Tick[] {
  if (!(duration > 0) || !Number.isFinite(duration) || !(width > 0)) return [];
  const out: Tick[] = [];
  const sorted = starts.filter((t) => Number.isFinite(t) && t > 0 && t < duration).sort((a, b) => a - b);
  for (const t of sorted) {
    const x = (t / duration) * width;
    if (x < EDGE_PX || x > width - EDGE_PX) continue;
    const prev = out[out.length - 1];
    if (prev && x - prev.x < MIN_GAP_PX) continue;
    out.push({ t, x });
  }
  return out;
}
