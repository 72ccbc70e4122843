/**
 * Keyboard shortcuts. All use Alt (Option) with a key Bilibili's player does not bind
 * (it uses space, arrows, f, d, m, [ ], Enter, Esc), matched by `code` so layouts and
 * macOS Option characters do not matter. Silent while the user types or composes (IME).
 */
import type { PanelModels } from './context';

export type ShortcutAction = 'toggle' | 'next-line' | 'prev-line' | 'next-chapter' | 'prev-chapter' | 'search';

export function shortcutFor(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): ShortcutAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.code) {
    case 'KeyJ':
      return e.shiftKey ? 'next-chapter' : 'next-line';
    case 'KeyK':
      return e.shiftKey ? 'prev-chapter' : 'prev-line';
    case 'Slash':
      return e.shiftKey ? null : 'search';
    case 'KeyL':
      return e.shiftKey ? null : 'toggle';
    default:
      return null;
  }
}

export function isTyping(e: KeyboardEvent): boolean {
  if (e.isComposing || e.keyCode === 229) return true;
  const target = e.composedPath()[0];
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}

export function runShortcut(action: ShortcutAction, m: PanelModels, focusSearch: () => void): void {
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
      focusSearch();
      break;
    case 'toggle':
      ui.collapsed.value = !ui.collapsed.value;
      ui.overlayExpanded.value = !ui.collapsed.value;
      break;
  }
}

export function installShortcuts(targets: EventTarget[], m: PanelModels, focusSearch: () => void, signal: AbortSignal): void {
  const onKey = (event: Event): void => {
    const e = event as KeyboardEvent;
    if (!m.settings.settings.value.shortcuts || isTyping(e)) return;
    const action = shortcutFor(e);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    runShortcut(action, m, focusSearch);
  };
  for (const t of targets) t.addEventListener('keydown', onKey, { signal });
}
