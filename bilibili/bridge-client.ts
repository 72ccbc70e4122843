/**
 * The isolated world's end of the bridge: connects to the manifest's MAIN-world script when the
 * page has it, or injects the bridge file once per page, and validates what it says.
 */
import { BRIDGE_NS, envelope, isPresent, parseFromPage, type FromPage, type ToPage } from './bridge-protocol';

export interface BridgeClient {
  send(msg: ToPage): void;
}

export interface BridgeOptions {
  win: Window;
  signal: AbortSignal;
  /** Injects the bridge script with the token; resolves when it ran. */
  inject: (token: string) => Promise<void>;
  /** The manifest's MAIN-world bridge is in this page, waiting for `connect` (bilibili/bridge-inject.ts). */
  inPage?: boolean;
  /** How long the in-page bridge may take to answer before the file is injected instead (ms). */
  inPageTimeoutMs?: number;
  onMessage: (msg: FromPage) => void;
}

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function connectBridge({ win, signal, inject, inPage = false, inPageTimeoutMs = 3000, onMessage }: BridgeOptions): BridgeClient {
  const token = randomToken();
  const post = (msg: ToPage | { kind: 'connect' }): void => win.postMessage(envelope(token, 'ext', msg), win.location.origin);
  // Until the bridge runs, nobody listens in the page: hold messages, send them after.
  let queue: ToPage[] | null = [];
  const send = (msg: ToPage): void => {
    if (signal.aborted) return;
    if (!queue) post(msg);
    else if (queue.length < 64) queue.push(msg);
  };
  const ready = (): void => {
    if (!queue) return;
    const held = queue;
    queue = null;
    send({ kind: 'hello' });
    held.forEach(send);
  };
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== win) return;
      // The in-page bridge started after our connect (possible when both are injected at once): again.
      if (inPage && queue && isPresent(event.data)) return post({ kind: 'connect' });
      const msg = parseFromPage(event.data, token);
      if (!msg) return;
      ready(); // it speaks, so it runs
      onMessage(msg);
    },
    { signal },
  );
  // The page keeps the bridge after an extension reload: tell it to stand down.
  signal.addEventListener('abort', () => post({ kind: 'bye' }), { once: true });
  const injectFile = (): void =>
    void inject(token).then(
      ready,
      // Without the bridge the <video> path still works; only <bwp-video> and cid are lost.
      (err: unknown) => console.warn(`[${BRIDGE_NS}] bridge unavailable`, err),
    );
  if (!inPage) injectFile();
  else {
    post({ kind: 'connect' });
    // An in-page bridge that never answers (none there after all): fall back to the file.
    const timer = setTimeout(() => queue && !signal.aborted && injectFile(), inPageTimeoutMs);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }
  return { send };
}
