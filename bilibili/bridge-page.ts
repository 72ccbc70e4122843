/**
 * Runs in the page's MAIN world, only on BV1DS411w7hz pages: the manifest's MAIN-world content
 * script at load (awaitConnect), or the web-accessible bridge.js for a talk reached by pushState.
 * Reads what the isolated world cannot: Bilibili's page state (cid, part durations), pushState
 * navigations, and the time of a <bwp-video> (a page-defined custom element).
 */
import { envelope, parseConnect, parseToPage, PRESENT, type FromPage, type PartInfo } from './bridge-protocol';
import { first, MEDIA_SELECTORS } from './selectors';

interface MediaLike extends Element {
  currentTime?: unknown;
  paused?: unknown;
  duration?: unknown;
  playbackRate?: unknown;
}

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function readState(win: Window): FromPage | null {
  const state = (win as unknown as { __INITIAL_STATE__?: unknown }).__INITIAL_STATE__;
  if (typeof state !== 'object' || state === null) return null;
  const s = state as { bvid?: unknown; p?: unknown; videoData?: { bvid?: unknown; pages?: unknown } };
  const bvid = typeof s.bvid === 'string' ? s.bvid : s.videoData?.bvid;
  const rawPages = Array.isArray(s.videoData?.pages) ? (s.videoData.pages as unknown[]) : [];
  const pages: PartInfo[] = rawPages.slice(0, 1000).flatMap((p) => {
    if (typeof p !== 'object' || p === null) return [];
    const q = p as { page?: unknown; cid?: unknown; duration?: unknown };
    return typeof q.page === 'number' && typeof q.cid === 'number' && typeof q.duration === 'number'
      ? [{ page: q.page, cid: q.cid, duration: q.duration }]
      : [];
  });
  const p = new URL(win.location.href).searchParams.get('p');
  const part = p && /^\d+$/.test(p) ? Number(p) : typeof s.p === 'number' ? s.p : 1;
  if (typeof bvid !== 'string') return null;
  // videoData.cid is part 1's cid; the current part's cid is pages[p-1].cid (BILIBILI.md).
  const cid = pages.find((x) => x.page === part)?.cid ?? null;
  return { kind: 'state', bvid, p: part, cid, pages };
}

export function installBridge(win: Window, token: string): void {
  const post = (body: FromPage): void => win.postMessage(envelope(token, 'page', body), win.location.origin);
  const announce = (): void => {
    // Runs inside Bilibili's own pushState: whatever its state looks like, never throw into it.
    try {
      post({ kind: 'nav', url: win.location.href });
      const state = readState(win);
      if (state) post(state);
    } catch {
      // A page state we cannot read is a state we do not report.
    }
  };

  const life = new AbortController();
  const originals: ['pushState' | 'replaceState', History['pushState']][] = [];
  const wrappers = new Map<string, History['pushState']>();
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = win.history[method];
    const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      announce();
      return result;
    };
    originals.push([method, original]);
    wrappers.set(method, wrapper);
    win.history[method] = wrapper;
  }
  win.addEventListener('popstate', announce, { signal: life.signal });
  /** The extension went away (reload, update): stop listening; unwrap history if nobody wrapped it since. */
  const standDown = (): void => {
    feeding = false;
    life.abort();
    for (const [method, original] of originals) if (win.history[method] === wrappers.get(method)) win.history[method] = original;
  };

  let media: MediaLike | null = null;
  const findMedia = (): MediaLike | null => (media?.isConnected ? media : (media = first<MediaLike>(win.document, MEDIA_SELECTORS)));

  let feeding = false as boolean;
  let last = '';
  const tick = (): void => {
    if (!feeding) return;
    const el = findMedia();
    if (el) {
      const msg: FromPage = {
        kind: 'time',
        t: Math.max(0, num(el.currentTime)),
        paused: el.paused !== false,
        duration: Math.max(0, num(el.duration)),
        rate: num(el.playbackRate, 1),
      };
      const key = `${msg.t}|${msg.paused}|${msg.duration}|${msg.rate}`;
      if (key !== last) {
        last = key;
        post(msg);
      }
    }
    win.requestAnimationFrame(tick);
  };

  win.addEventListener(
    'message',
    (event) => {
      if (event.source !== win) return;
      const msg = parseToPage(event.data, token);
      if (!msg) return;
      if (msg.kind === 'bye') standDown();
      else if (msg.kind === 'hello') announce();
      else if (msg.kind === 'time-feed') {
        const start = msg.on && !feeding;
        feeding = msg.on;
        if (start) tick();
      } else {
        const el = findMedia();
        if (el && 'currentTime' in el) (el as { currentTime: number }).currentTime = msg.t;
      }
    },
    { signal: life.signal },
  );
  announce();
}

/**
 * The manifest's MAIN-world script, at document_start: writes nothing to the page, and installs
 * the bridge when the isolated side connects with its token. It says it is here once, for an
 * isolated side that asked before it ran (Firefox injects both into open tabs on install).
 */
export function awaitConnect(win: Window): void {
  const onMessage = (event: MessageEvent): void => {
    if (event.source !== win) return;
    const token = parseConnect(event.data);
    if (!token) return;
    win.removeEventListener('message', onMessage);
    installBridge(win, token);
  };
  win.addEventListener('message', onMessage);
  win.postMessage(PRESENT, win.location.origin);
}
