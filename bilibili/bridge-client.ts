/** The isolated world's end of the bridge: injects the MAIN-world script once per page and validates what it says. */
import { BRIDGE_NS, envelope, parseFromPage, type FromPage, type ToPage } from './bridge-protocol';

export interface BridgeClient {
  send(msg: ToPage): void;
}

export interface BridgeOptions {
  win: Window;
  signal: AbortSignal;
  /** Injects the bridge script with the token; resolves when it ran. */
  inject: (token: string) => Promise<void>;
  onMessage: (msg: FromPage) => void;
}

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function connectBridge({ win, signal, inject, onMessage }: BridgeOptions): BridgeClient {
  const token = randomToken();
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== win) return;
      const msg = parseFromPage(event.data, token);
      if (msg) onMessage(msg);
    },
    { signal },
  );
  const send = (msg: ToPage): void => {
    if (!signal.aborted) win.postMessage(envelope(token, 'ext', msg), win.location.origin);
  };
  signal.addEventListener('abort', () => win.postMessage(envelope(token, 'ext', { kind: 'time-feed', on: false }), win.location.origin), {
    once: true,
  });
  inject(token).then(
    () => send({ kind: 'hello' }),
    // Without the bridge the <video> path still works; only <bwp-video> and cid are lost.
    (err: unknown) => console.warn(`[${BRIDGE_NS}] bridge unavailable`, err),
  );
  return { send };
}
