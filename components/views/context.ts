import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReadonlySignal } from '@preact/signals';
import type { ScreenMode } from '../../bilibili/dom';
import type { UploaderChapter } from '../../bilibili/view-points';
import type { I18n } from '../i18n';
import type { Playback } from '../models/playback';
import type { SettingsModel } from '../models/settings';
import type { TalkModel } from '../models/talk';
import type { Timing } from '../models/timing';
import type { UiModel } from '../models/ui';

export type PageStatus = 'waiting' | 'ready' | 'not-found';

export interface PanelModels {
  i18n: I18n;
  talk: TalkModel;
  playback: Playback;
  timing: Timing;
  settings: SettingsModel;
  ui: UiModel;
  page: { mode: ReadonlySignal<ScreenMode>; immersive: ReadonlySignal<boolean>; status: ReadonlySignal<PageStatus> };
  io: { copy(text: string): Promise<void> };
  /** The uploader's own chapters for the part (Bilibili's view_points), empty when there are none. */
  uploaderChapters: ReadonlySignal<readonly UploaderChapter[]>;
  /** Ends with the panel: timers and listeners of the parts tie to it. */
  life: AbortSignal;
}

export const Models = createContext<PanelModels | null>(null);

export function useModels(): PanelModels {
  const m = useContext(Models);
  if (!m) throw new Error('Panel models missing');
  return m;
}
