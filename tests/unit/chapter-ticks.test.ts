import { describe, expect, it } from 'vitest';
import { chapterTicks, EDGE_PX, MAX_BAR_HEIGHT, MIN_BAR_WIDTH, MIN_GAP_PX, plausibleBar, type Box } from '../../lib/chapter-ticks';

const VIEW = { width: 1440, height: 900 };
const PLAYER: Box = { left: 24, top: 80, width: 1000, height: 562 };
/** Like the fixture: a 3 px bar in the control strip at the player's bottom. */
const BAR: Box = { left: 100, top: 80 + 562 - 22, width: 900, height: 3 };

describe('chapterTicks: where the ticks go', () => {
  it('a tick at start / duration of the width, per chapter on the bar', () => {
    expect(chapterTicks([600, 1200, 1800], 2400, 800)).toEqual([
      { t: 600, x: 200 },
      { t: 1200, x: 400 },
      { t: 1800, x: 600 },
    ]);
  });
  it('follows the width (the same chapters on a wider bar)', () => {
    expect(chapterTicks([600], 2400, 1200).map((k) => k.x)).toEqual([300]);
  });
  it('sorted, whatever order the starts come in', () => {
    expect(chapterTicks([1800, 600, 1200], 2400, 800).map((k) => k.t)).toEqual([600, 1200, 1800]);
  });
  it('nothing when the duration or the width is unknown', () => {
    for (const d of [0, -1, Number.NaN, Infinity]) expect(chapterTicks([600], d, 800)).toEqual([]);
    for (const w of [0, -5, Number.NaN]) expect(chapterTicks([600], 2400, w)).toEqual([]);
  });
  it('drops starts at or past the ends, non-finite ones, and ticks hugging an end', () => {
    expect(chapterTicks([0, -3, 2400, 3000, Number.NaN, Infinity], 2400, 800)).toEqual([]);
    // 1 s into a 2400 s bar of 800 px is 0.33 px: inside the edge margin.
    const nearEnds = [1, 2399];
    expect(chapterTicks(nearEnds, 2400, 800)).toEqual([]);
    const justIn = (EDGE_PX / 800) * 2400 + 1;
    expect(chapterTicks([justIn], 2400, 800)).toHaveLength(1);
  });
  it('ticks closer than MIN_GAP_PX: the first is kept', () => {
    const gap = ((MIN_GAP_PX - 1) / 800) * 2400;
    expect(chapterTicks([600, 600 + gap, 1200], 2400, 800).map((k) => k.t)).toEqual([600, 1200]);
    const apart = ((MIN_GAP_PX + 1) / 800) * 2400;
    expect(chapterTicks([600, 600 + apart], 2400, 800)).toHaveLength(2);
  });
});

describe('plausibleBar: is this the bar the user sees?', () => {
  it('a bar in the player, on screen', () => {
    expect(plausibleBar(BAR, PLAYER, VIEW)).toBe(true);
  });
  it('not without a player, or with non-finite geometry', () => {
    expect(plausibleBar(BAR, null, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, left: Number.NaN }, PLAYER, VIEW)).toBe(false);
    expect(plausibleBar(BAR, { ...PLAYER, width: Infinity }, VIEW)).toBe(false);
  });
  it('too narrow, zero height or too tall', () => {
    expect(plausibleBar({ ...BAR, width: MIN_BAR_WIDTH - 1 }, PLAYER, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, width: MIN_BAR_WIDTH }, PLAYER, VIEW)).toBe(true);
    expect(plausibleBar({ ...BAR, height: 0 }, PLAYER, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, top: PLAYER.top + 100, height: MAX_BAR_HEIGHT + 1 }, PLAYER, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, top: PLAYER.top + 100, height: MAX_BAR_HEIGHT }, PLAYER, VIEW)).toBe(true);
  });
  it('off screen (scrolled away, or left of the viewport)', () => {
    const up = -700;
    expect(plausibleBar({ ...BAR, top: BAR.top + up }, { ...PLAYER, top: PLAYER.top + up }, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, top: BAR.top + 1000 }, { ...PLAYER, top: PLAYER.top + 1000 }, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, left: -2000 }, { ...PLAYER, left: -2000 }, VIEW)).toBe(false);
    // Partly in view is still the bar.
    expect(plausibleBar({ ...BAR, left: -50 }, { ...PLAYER, left: -150 }, VIEW)).toBe(true);
  });
  it('outside the player box (beyond 2 px of slack)', () => {
    expect(plausibleBar({ ...BAR, top: PLAYER.top + PLAYER.height + 5 }, PLAYER, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, left: PLAYER.left - 10 }, PLAYER, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, width: PLAYER.width + 50 }, PLAYER, VIEW)).toBe(false);
    expect(plausibleBar({ ...BAR, left: PLAYER.left - 1.5 }, PLAYER, VIEW)).toBe(true);
  });
});
