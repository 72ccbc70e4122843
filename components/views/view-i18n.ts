/** The strings of a part loaded on demand: the panel's plus its own (view-messages.ts). */
import { useModels } from './context';
import type { I18n, MessageKey } from '../i18n';
import { extendI18n } from '../i18n/extend';
import { VIEW_MESSAGES, type ViewKey } from '../i18n/view-messages';

const extended = new WeakMap<I18n, I18n<MessageKey | ViewKey>>();

export function useViewI18n(): I18n<MessageKey | ViewKey> {
  const { i18n } = useModels();
  let x = extended.get(i18n);
  if (!x) extended.set(i18n, (x = extendI18n(i18n, VIEW_MESSAGES)));
  return x;
}
