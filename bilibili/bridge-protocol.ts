/**
 * The MAIN-world bridge ↔ ISOLATED-world protocol. Both directions travel by
 * window.postMessage, which page scripts can read and forge: every message is checked
 * field by field here, and anything that fails is dropped. Nothing received is executed.
 */
import { isFiniteNumber, isRecord } from '../lib/guard';

export const BRIDGE_NS = 'bv1ds411w7hz-companion';
export const BRIDGE_VERSION = 1;

export interface PartInfo {
  page: number;
  cid: number;
  duration: number;
}

/** Page → extension. */
export type FromPage =
  | { kind: 'state'; bvid: string; p: number; cid: number | null; pages: PartInfo[] }
  | { kind: 'nav'; url: string }
  | { kind: 'time'; t: number; paused: boolean; duration: number; rate: number };

/** Extension → page. */
export type ToPage = { kind: 'hello' } | { kind: 'bye' } | { kind: 'time-feed'; on: boolean } | { kind: 'seek'; t: number };

export interface Envelope<T> {
  ns: typeof BRIDGE_NS;
  v: typeof BRIDGE_VERSION;
  token: string;
  dir: 'page' | 'ext';
  body: T;
}

export const MAX_TIME = 24 * 3600;
const MAX_PAGES = 1000;
const MAX_URL = 2048;

const isPositiveInt = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
const isTime = (v: unknown): v is number => isFiniteNumber(v) && v >= 0 && v <= MAX_TIME;

export function envelope<T>(token: string, dir: 'page' | 'ext', body: T): Envelope<T> {
  return { ns: BRIDGE_NS, v: BRIDGE_VERSION, token, dir, body };
}

function openEnvelope(data: unknown, token: string, dir: 'page' | 'ext'): Record<string, unknown> | null {
  if (!isRecord(data) || data.ns !== BRIDGE_NS || data.v !== BRIDGE_VERSION) return null;
  if (data.token !== token || data.dir !== dir || !isRecord(data.body)) return null;
  return data.body;
}

function readPages(v: unknown): PartInfo[] | null {
  if (!Array.isArray(v) || v.length > MAX_PAGES) return null;
  const out: PartInfo[] = [];
  for (const p of v) {
    if (!isRecord(p) || !isPositiveInt(p.page, MAX_PAGES) || !isPositiveInt(p.cid) || !isTime(p.duration)) return null;
    out.push({ page: p.page, cid: p.cid, duration: p.duration });
  }
  return out;
}

/** Validate a message claiming to come from the bridge. */
export function parseFromPage(data: unknown, token: string): FromPage | null {
  const b = openEnvelope(data, token, 'page');
  if (!b) return null;
  switch (b.kind) {
    case 'state': {
      const pages = readPages(b.pages);
      if (typeof b.bvid !== 'string' || !/^BV[0-9A-Za-z]{10}$/.test(b.bvid)) return null;
      if (!isPositiveInt(b.p, MAX_PAGES) || !pages) return null;
      if (b.cid !== null && !isPositiveInt(b.cid)) return null;
      return { kind: 'state', bvid: b.bvid, p: b.p, cid: b.cid, pages };
    }
    case 'nav': {
      if (typeof b.url !== 'string' || b.url.length > MAX_URL || !b.url.startsWith('https://www.bilibili.com/')) return null;
      return { kind: 'nav', url: b.url };
    }
    case 'time': {
      if (!isTime(b.t) || typeof b.paused !== 'boolean') return null;
      if (!isTime(b.duration)) return null;
      if (!isFiniteNumber(b.rate) || b.rate < 0 || b.rate > 16) return null;
      return { kind: 'time', t: b.t, paused: b.paused, duration: b.duration, rate: b.rate };
    }
    default:
      return null;
  }
}

const TOKEN = /^[0-9a-f]{32}$/;

/** The isolated side's `connect` to the manifest's MAIN-world bridge: the token it will use, or null. */
export function parseConnect(data: unknown): string | null {
  if (!isRecord(data) || data.ns !== BRIDGE_NS || data.v !== BRIDGE_VERSION || data.dir !== 'ext') return null;
  return typeof data.token === 'string' && TOKEN.test(data.token) && isRecord(data.body) && data.body.kind === 'connect'
    ? data.token
    : null;
}

/** The MAIN-world bridge announcing itself (no token: it has none until connected). */
export const PRESENT = { ns: BRIDGE_NS, v: BRIDGE_VERSION, token: '', dir: 'page', body: { kind: 'present' } } as const;
export const isPresent = (data: unknown): boolean =>
  isRecord(data) &&
  data.ns === BRIDGE_NS &&
  data.v === BRIDGE_VERSION &&
  data.dir === 'page' &&
  isRecord(data.body) &&
  data.body.kind === 'present';

/** Validate a message claiming to come from the extension (checked by the bridge). */
export function parseToPage(data: unknown, token: string): ToPage | null {
  const b = openEnvelope(data, token, 'ext');
  if (!b) return null;
  if (b.kind === 'hello') return { kind: 'hello' };
  if (b.kind === 'bye') return { kind: 'bye' };
  if (b.kind === 'time-feed' && typeof b.on === 'boolean') return { kind: 'time-feed', on: b.on };
  if (b.kind === 'seek' && isTime(b.t)) return { kind: 'seek', t: b.t };
  return null;
}
