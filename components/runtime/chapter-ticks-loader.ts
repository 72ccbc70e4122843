/**
 * Chapter ticks are a chunk (chapter-ticks.tsx), fetched only once they can be drawn: the setting
 * on, the panel mounted (page ticks come after its first render) and a progress bar in the
 * player. Until then a page tick costs one lookup in the player while the setting is on.
 */
import { findProgressBar } from '../../bilibili/dom';
import type { PanelModels } from '../views/context';
import type { TicksPart } from './chapter-ticks';

export function chapterTicksWhenWanted(win: Window, models: PanelModels): TicksPart {
  let part: TicksPart | null = null;
  let loading = false;
  return (state, changed) => {
    if (part) part(state, changed);
    else if (
      !loading &&
      models.settings.settings.peek().chapterTicks &&
      state.media &&
      state.container &&
      findProgressBar(state.container)
    ) {
      loading = true;
      import('./chapter-ticks').then(
        (m) => {
          if (!models.life.aborted) (part = m.showChapterTicks(win, models))(state, true);
        },
        (err: unknown) => {
          loading = false;
          console.warn('[companion] chapter ticks unavailable', err);
        },
      );
    }
  };
}
