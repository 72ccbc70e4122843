import { describe, expect, it, vi } from 'vitest';
import type { BridgeClient } from '../../bilibili/bridge-client';
import { bwpHandle } from '../../bilibili/media';

describe('<bwp-video> handle (time fed by the bridge)', () => {
  it('sends time-only snapshots the per-frame way and state changes to onChange; stops the feed when the last listener goes', () => {
    const send = vi.fn();
    const handle = bwpHandle(document.createElement('bwp-video'), { send } as unknown as BridgeClient);
    const onChange = vi.fn();
    const onFrame = vi.fn();
    const life = new AbortController();
    handle.subscribe(onChange, onFrame, life.signal);
    expect(send).toHaveBeenLastCalledWith({ kind: 'time-feed', on: true });

    handle.feed({ time: 10, paused: false, duration: 2400, rate: 1 }); // starts playing: state
    handle.feed({ time: 10.04, paused: false, duration: 2400, rate: 1 }); // frames
    handle.feed({ time: 10.08, paused: false, duration: 2400, rate: 1 });
    handle.feed({ time: 10.1, paused: true, duration: 2400, rate: 1 }); // paused: state
    expect(onChange.mock.calls.map(([s]) => s.time)).toEqual([10, 10.1]);
    expect(onFrame.mock.calls.map(([t]) => t)).toEqual([10.04, 10.08]);
    expect(handle.snapshot().time).toBe(10.1);

    life.abort();
    expect(send).toHaveBeenLastCalledWith({ kind: 'time-feed', on: false });
  });
});
