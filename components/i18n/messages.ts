/**
 * The panel's message catalogues. Components never hold user-visible string literals. Each
 * language is a chunk of its own (panel-zh.ts, panel-en.ts): a page load fetches only the one
 * the UI shows.
 */
import type { Catalogue } from './panel-zh';

export type { Catalogue, MessageKey } from './panel-zh';

export const PANEL_MESSAGES = {
  'zh-CN': () => import('./panel-zh').then((m) => m.default),
  en: () => import('./panel-en').then((m) => m.default),
} as const satisfies Record<'zh-CN' | 'en', () => Promise<Catalogue>>;
