import { describe, expect, it } from 'vitest';
import { connectBridge } from '../../bilibili/bridge-client';
import { awaitConnect } from '../../bilibili/bridge-page';
import { envelope, PRESENT } from '../../bilibili/bridge-protocol';

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

describe('bridge client with the manifest MAIN-world bridge in the page', () => {
  const nav = (token: string) => envelope(token, 'page', { kind: 'nav', url: 'https://www.bilibili.com/video/BV1DS411w7hz/?p=6' });
  it('connects with its token, injects nothing, and holds messages until the bridge speaks', () => {
    const { win, posted, dispatch } = fakeWindow();
    let injected = 0;
    const client = connectBridge({
      win,
      signal: new AbortController().signal,
      inPage: true,
      inject: async () => void injected++,
      onMessage: () => undefined,
    });
    const token = (posted[0] as { token: string }).token;
    expect(posted).toEqual([envelope(token, 'ext', { kind: 'connect' })]);
    client.send({ kind: 'time-feed', on: true });
    expect(posted).toHaveLength(1);
    dispatch(nav(token));
    expect(posted.slice(1)).toEqual([envelope(token, 'ext', { kind: 'hello' }), envelope(token, 'ext', { kind: 'time-feed', on: true })]);
    expect(injected).toBe(0);
  });
  it('connects again when the bridge says it arrived after the first connect', () => {
    const { win, posted, dispatch } = fakeWindow();
    connectBridge({ win, signal: new AbortController().signal, inPage: true, inject: async () => undefined, onMessage: () => undefined });
    dispatch(PRESENT);
    expect(posted.map((p) => (p as { body: { kind: string } }).body.kind)).toEqual(['connect', 'connect']);
  });
  it('injects the file when the in-page bridge never answers', async () => {
    const { win } = fakeWindow();
    let injected = 0;
    connectBridge({
      win,
      signal: new AbortController().signal,
      inPage: true,
      inPageTimeoutMs: 5,
      inject: async () => void injected++,
      onMessage: () => undefined,
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(injected).toBe(1);
  });
});

describe('the MAIN-world script (awaitConnect)', () => {
  it('says it is here, installs the bridge on a valid connect only, and stands down on bye', () => {
    const native = window.history.pushState;
    const posted: unknown[] = [];
    const post = window.postMessage.bind(window);
    window.postMessage = ((data: unknown) => void posted.push(data)) as typeof window.postMessage;
    try {
      awaitConnect(window);
      expect(posted).toEqual([PRESENT]);
      const send = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data, source: window }));
      send(envelope('short', 'ext', { kind: 'connect' }));
      send({ kind: 'connect' });
      expect(window.history.pushState).toBe(native);
      const token = 'b'.repeat(32);
      send(envelope(token, 'ext', { kind: 'connect' }));
      expect(window.history.pushState).not.toBe(native);
      expect(posted.some((p) => (p as { token?: string; dir?: string }).token === token)).toBe(true);
      send(envelope(token, 'ext', { kind: 'bye' }));
      expect(window.history.pushState).toBe(native);
    } finally {
      window.postMessage = post;
    }
  });
});
