/** What each keyboard shortcut does (shortcuts.ts decides which one was pressed). */
import type { PanelModels } from '../views/context';

export type ShortcutAction = 'toggle' | 'next-line' | 'prev-line' | 'next-chapter' | 'prev-chapter' | 'search';

export function runShortcut(action: ShortcutAction, m: PanelModels): void {
  const { timing, playback, ui, talk } = m;
  const starts = timing.timeline.value.starts;
  const i = timing.active.value;
  const chapters = talk.view.value.chapterStarts;
  const c = timing.activeChapter.value;
  switch (action) {
    case 'next-line':
      if (i + 1 < starts.length) playback.seek(starts[i + 1] ?? 0);
      break;
    case 'prev-line':
      playback.seek(starts[Math.max(0, i - 1)] ?? 0);
      break;
    case 'next-chapter': {
      const next = chapters[c + 1];
      if (next !== undefined) playback.seek(starts[next] ?? 0);
      break;
    }
    case 'prev-chapter':
      playback.seek(starts[chapters[Math.max(0, c - 1)] ?? 0] ?? 0);
      break;
    case 'search':
      ui.collapsed.value = false;
      ui.overlayExpanded.value = true;
      ui.tab.value = 'search';
      ui.searchFocus.value = true;
      break;
    case 'toggle':
      ui.collapsed.value = !ui.collapsed.value;
      ui.overlayExpanded.value = !ui.collapsed.value;
      break;
  }
}
