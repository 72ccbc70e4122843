import { describe, expect, it } from 'vitest';
import { decidePlacement, type PlacementInput } from '../../components/runtime/placement';

const base: PlacementInput = { immersive: false, floating: false, status: 'waiting', hasMedia: false, hasContainer: false };

describe('decidePlacement', () => {
  it('waits until the player and its media exist (an early node in the placeholder has made Bilibili reload)', () => {
    expect(decidePlacement(base)).toBe('wait');
    expect(decidePlacement({ ...base, hasContainer: true })).toBe('wait');
    expect(decidePlacement({ ...base, hasContainer: true, hasMedia: true, status: 'ready' })).toBe('column');
  });
  it('goes inside the player in (web-)fullscreen, floats when asked, and shows up anyway when no player came', () => {
    expect(decidePlacement({ ...base, immersive: true, hasContainer: true, hasMedia: true })).toBe('player');
    expect(decidePlacement({ ...base, immersive: true, floating: true, hasContainer: true })).toBe('player');
    expect(decidePlacement({ ...base, immersive: true, floating: true })).toBe('body');
    expect(decidePlacement({ ...base, floating: true })).toBe('body');
    expect(decidePlacement({ ...base, status: 'not-found' })).toBe('column-or-body');
  });
});
