/**
 * Where the panel goes. `decidePlacement` is the rule, pure and unit-tested; `createPlacer`
 * applies it on every page tick, re-resolving only when an input changed or Bilibili detached
 * the host (it re-renders the right column), so a tick is a few property reads otherwise.
 */
import { isImmersive } from '../../bilibili/dom';
import { ensurePlaced, type PageState } from '../../bilibili/page-watcher';
import type { ShadowUi } from '../dom/shadow-host';
import { onEnd } from '../dom/lifetime';
import type { PageStatus } from '../views/context';
import { placeInColumn } from './column';

export interface PlacementInput {
  immersive: boolean;
  floating: boolean;
  status: PageStatus;
  hasMedia: boolean;
  hasContainer: boolean;
}

/**
 * - `player`: inside the player, in (web-)fullscreen;
 * - `body`: floating over the page;
 * - `column`: beside the player, only once the column and the media exist (inserting early has
 *   made Bilibili reload; the empty #bilibili-player placeholder is not a player yet);
 * - `column-or-body`: the player never came, so show the panel anyway (it says so);
 * - `wait`: nothing yet.
 */
export type Placement = 'player' | 'body' | 'column' | 'column-or-body' | 'wait';

export function decidePlacement(s: PlacementInput): Placement {
  if (s.immersive && s.hasContainer) return 'player';
  if (s.floating) return 'body';
  if (s.status === 'not-found') return 'column-or-body';
  return s.hasMedia ? 'column' : 'wait';
}

/** Keeps `ui` where `decidePlacement` says, and as tall as the player beside it. */
export function createPlacer(
  ui: ShadowUi,
  doc: Document,
  life: AbortSignal,
  inputs: () => { floating: boolean; status: PageStatus },
): (state: PageState) => void {
  let placedKey = '';
  let sized: Element | null = null;
  // Bilibili resizes the player with the window; the panel follows its height.
  const sizer = new ResizeObserver(([entry]) => {
    if (entry) ui.host.style.setProperty('--panel-h', `${Math.max(360, Math.round(entry.contentRect.height))}px`);
  });
  onEnd(life, () => sizer.disconnect());

  return (state) => {
    if (state.container !== sized) {
      sizer.disconnect();
      sized = state.container;
      if (sized) sizer.observe(sized);
    }
    const { floating, status } = inputs();
    const where = decidePlacement({
      immersive: isImmersive(state.mode),
      floating,
      status,
      hasMedia: state.media !== null,
      hasContainer: state.container !== null,
    });
    const key = `${where}|${status}|${state.mode}`;
    if (key === placedKey && ui.host.isConnected) return;
    if (where === 'player') ensurePlaced(ui.host, state.container!, null, true);
    else if (where === 'body') ensurePlaced(ui.host, doc.body, null, true);
    else if (where === 'column') placeInColumn(ui.host, doc, state.mode);
    else if (where === 'column-or-body' && !placeInColumn(ui.host, doc, state.mode)) ensurePlaced(ui.host, doc.body, null, true);
    if (ui.host.isConnected) placedKey = key;
  };
}
