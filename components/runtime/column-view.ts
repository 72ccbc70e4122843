/**
 * A small shadow UI kept in the right column: the other parts' hint and the load-error view. Both
 * are chunks, and so is this (a file of its own: nothing a working talk-page load runs needs it).
 */
import { render, type VNode } from 'preact';
import { watchPage } from '../../bilibili/page-watcher';
import { onEnd } from '../dom/lifetime';
import { placeInColumn, uniqueName, type Deps } from './column';

/** A small shadow UI kept at the top of the right column (Bilibili may re-render it) until `life` ends. */
export function showInColumn(deps: Deps, life: AbortSignal, name: string, view: VNode): void {
  const ui = deps.createUi(uniqueName(name));
  render(view, ui.container);
  onEnd(
    life,
    () => render(null, ui.container),
    () => ui.remove(),
  );
  watchPage(deps.win.document, life, () => {
    if (!ui.host.isConnected) placeInColumn(ui.host, deps.win.document);
  });
}
