import { describe, expect, it } from 'vitest';
import { connectBridge } from '../../bilibili/bridge-client';
import { envelope } from '../../bilibili/bridge-protocol';

function fakeWindow() {
  const posted: unknown[] = [];
  const listeners: ((e: MessageEvent) => void)[] = [];
  const win = {
    location: { origin: 'https://www.bilibili.com' },
    postMessage: (data: unknown) => posted.push(data),
    addEventListener: (_t: string, cb: (e: MessageEvent) => void) => listeners.push(cb),
  } as unknown as Window;
  return { win, posted, dispatch: (data: unknown) => listeners.forEach((l) => l({ source: win, data } as MessageEvent)) };
}

describe('bridge client', () => {
  it('holds messages until the injected script has run, then sends hello and them, in order', async () => {
    const { win, posted } = fakeWindow();
    let ran!: () => void;
    const injected = new Promise<void>((r) => (ran = r));
    let token = '';
    const client = connectBridge({
      win,
      signal: new AbortController().signal,
      inject: (t) => ((token = t), injected),
      onMessage: () => undefined,
    });
    client.send({ kind: 'time-feed', on: true });
    client.send({ kind: 'seek', t: 5 });
    expect(posted).toEqual([]);
    ran();
    await injected;
    await Promise.resolve();
    expect(posted).toEqual([
      envelope(token, 'ext', { kind: 'hello' }),
      envelope(token, 'ext', { kind: 'time-feed', on: true }),
      envelope(token, 'ext', { kind: 'seek', t: 5 }),
    ]);
  });
  it('accepts only messages carrying its own token', async () => {
    const { win, dispatch } = fakeWindow();
    let token = '';
    const got: unknown[] = [];
    connectBridge({ win, signal: new AbortController().signal, inject: async (t) => void (token = t), onMessage: (m) => got.push(m) });
    dispatch(envelope('forged', 'page', { kind: 'nav', url: 'https://www.bilibili.com/video/BV1xx411c7mD/' }));
    dispatch(envelope(token, 'page', { kind: 'nav', url: 'https://www.bilibili.com/video/BV1xx411c7mD/' }));
    expect(got).toEqual([{ kind: 'nav', url: 'https://www.bilibili.com/video/BV1xx411c7mD/' }]);
  });
});
