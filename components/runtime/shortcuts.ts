/**
 * Keyboard shortcuts. All use Alt (Option) with a key Bilibili's player does not bind
 * (it uses space, arrows, f, d, m, [ ], Enter, Esc), matched by `code` so layouts and
 * macOS Option characters do not matter. Silent while the user types or composes (IME).
 */
import type { PanelModels } from '../views/context';
import type { ShortcutAction } from './shortcut-actions';

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

export function installShortcuts(targets: EventTarget[], m: PanelModels, signal: AbortSignal): void {
  const onKey = (event: Event): void => {
    const e = event as KeyboardEvent;
    if (!m.settings.settings.value.shortcuts || isTyping(e)) return;
    const action = shortcutFor(e);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    // What the keys do is loaded on the first shortcut used (a few ms, once).
    void import('./shortcut-actions').then(
      (a) => {
        if (!signal.aborted) a.runShortcut(action, m);
      },
      (err: unknown) => console.warn('[companion] shortcut failed to load', err),
    );
  };
  for (const t of targets) t.addEventListener('keydown', onKey, { signal });
}
