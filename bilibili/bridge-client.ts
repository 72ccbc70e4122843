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
  const post = (msg: ToPage): void => win.postMessage(envelope(token, 'ext', msg), win.location.origin);
  // Until the injected script has run, nobody listens in the page: hold messages, send them after.
  let queue: ToPage[] | null = [];
  const send = (msg: ToPage): void => {
    if (signal.aborted) return;
    if (!queue) post(msg);
    else if (queue.length < 64) queue.push(msg);
  };
  // The page keeps the bridge after an extension reload: tell it to stand down.
  signal.addEventListener('abort', () => post({ kind: 'bye' }), { once: true });
  inject(token).then(
    () => {
      const held = queue ?? [];
      queue = null;
      send({ kind: 'hello' });
      held.forEach(send);
    },
    // Without the bridge the <video> path still works; only <bwp-video> and cid are lost.
    (err: unknown) => console.warn(`[${BRIDGE_NS}] bridge unavailable`, err),
  );
  return { send };
}
