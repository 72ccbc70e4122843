/**
 * Term cards live inside the player (a second shadow host), only while enabled. The host goes
 * into the player only once the media exists: foreign nodes in the empty #bilibili-player
 * placeholder have been reported to make Bilibili re-render or reload.
 */
import type { ReadonlySignal } from '@preact/signals';
import { render } from 'preact';
import { ensurePlaced, type PageState } from '../../bilibili/page-watcher';
import { effectFor, onEnd } from '../dom/lifetime';
import type { ShadowUi } from '../dom/shadow-host';
import { Models, type PanelModels } from '../views/context';
import { lazy } from '../views/lazy';
import { uniqueName, type Deps } from './column';

const TermCard = lazy(() => import('../views/terms/TermCard').then((m) => ({ view: m.TermCard, css: m.css })));

/** Returns what places the host on a page tick; `created` asks for a tick when the host appears. */
export function termCardHost(
  deps: Deps,
  life: AbortSignal,
  models: PanelModels,
  wanted: ReadonlySignal<boolean>,
  created: () => void,
): (state: PageState) => void {
  let card: ShadowUi | null = null;
  const remove = (): void => {
    if (!card) return;
    render(null, card.container);
    card.remove();
    card = null;
  };
  effectFor(life, () => {
    if (wanted.value && !card) {
      const c = (card = deps.createUi(uniqueName('talk-companion-card')));
      render(
        <Models.Provider value={models}>
          <TermCard />
        </Models.Provider>,
        c.container,
      );
      c.host.dataset.layer = 'card';
      created();
    } else if (!wanted.value) remove();
  });
  onEnd(life, remove);
  return (state) => {
    if (card && state.container && state.media) ensurePlaced(card.host, state.container, null, true);
  };
}
