import { describe, expect, it } from 'vitest';
import { isTyping, shortcutFor } from '../../components/runtime/shortcuts';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init });

describe('shortcuts', () => {
  it('map Alt+J/K, Alt+Shift+J/K, Alt+/ and Alt+L', () => {
    expect(shortcutFor(key({ altKey: true, code: 'KeyJ' }))).toBe('next-line');
    expect(shortcutFor(key({ altKey: true, code: 'KeyK' }))).toBe('prev-line');
    expect(shortcutFor(key({ altKey: true, shiftKey: true, code: 'KeyJ' }))).toBe('next-chapter');
    expect(shortcutFor(key({ altKey: true, shiftKey: true, code: 'KeyK' }))).toBe('prev-chapter');
    expect(shortcutFor(key({ altKey: true, code: 'Slash' }))).toBe('search');
    expect(shortcutFor(key({ altKey: true, code: 'KeyL' }))).toBe('toggle');
  });
  it("leave Bilibili's keys alone (space, arrows, f, d, m, [ ], Enter, Esc) and anything with Ctrl/Meta", () => {
    for (const code of [
      'Space',
      'ArrowLeft',
      'ArrowRight',
      'ArrowUp',
      'ArrowDown',
      'KeyF',
      'KeyD',
      'KeyM',
      'BracketLeft',
      'BracketRight',
      'Enter',
      'Escape',
      'KeyJ',
    ]) {
      expect(shortcutFor(key({ code }))).toBeNull();
    }
    expect(shortcutFor(key({ altKey: true, ctrlKey: true, code: 'KeyJ' }))).toBeNull();
    expect(shortcutFor(key({ altKey: true, metaKey: true, code: 'KeyJ' }))).toBeNull();
  });
  it('stay silent while typing or composing', () => {
    const input = document.createElement('input');
    document.body.append(input);
    let typing = false;
    input.addEventListener('keydown', (e) => (typing = isTyping(e)));
    input.dispatchEvent(key({ altKey: true, code: 'KeyJ' }));
    expect(typing).toBe(true);
    const div = document.createElement('div');
    document.body.append(div);
    div.addEventListener('keydown', (e) => (typing = isTyping(e)));
    div.dispatchEvent(key({ altKey: true, code: 'KeyJ' }));
    expect(typing).toBe(false);
    div.dispatchEvent(key({ altKey: true, code: 'KeyJ', isComposing: true }));
    expect(typing).toBe(true);
  });
});
