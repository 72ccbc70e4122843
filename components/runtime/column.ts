/** What every session of the companion gets: the page, the extension, and a way to make shadow UIs. */
import type { Signal } from '@preact/signals';
import type { BridgeClient } from '../../bilibili/bridge-client';
import type { FromPage } from '../../bilibili/bridge-protocol';
import { findColumnMount, type ScreenMode } from '../../bilibili/dom';
import type { BwpHandle } from '../../bilibili/media';
import { ensurePlaced } from '../../bilibili/page-watcher';
import type { CompanionDeps } from './panel-api';
import type { ShadowUi } from '../dom/shadow-host';

export interface BridgeHub {
  client: BridgeClient;
  state: Signal<Extract<FromPage, { kind: 'state' }> | null>;
  bwp: { current: BwpHandle | null };
}

export interface Deps extends CompanionDeps {
  /** A shadow-root UI, not yet in the document (the controller places it). */
  createUi(name: string): ShadowUi;
}

export const uniqueName = (base: string): string => `${base}-${Math.random().toString(36).slice(2, 8)}`;

/** Put a host at the top of the right column (fallbacks in bilibili/dom); false when there is no column yet. */
export function placeInColumn(host: HTMLElement, doc: Document, mode: ScreenMode = 'normal'): boolean {
  const point = findColumnMount(doc, mode);
  if (!point) return false;
  ensurePlaced(host, point.parent, point.before);
  return true;
}
