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

/** Listen to align (opt-in): what the panel shows and the two things the user can do. */
export type ListenState = 'off' | 'idle' | 'listening' | 'unsupported-firefox' | 'unsupported-player' | 'failed';
export interface ListenModel {
  state: ReadonlySignal<ListenState>;
  /** Seconds of this part heard so far (this viewing and stored ones). */
  heardSeconds: ReadonlySignal<number>;
  /** Call from a click: the AudioContext needs a user gesture. */
  start(): void;
  stop(): void;
}

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
  listen: ListenModel;
  /** Ends with the panel: timers and listeners of the parts tie to it. */
  life: AbortSignal;
}

export const Models = createContext<PanelModels | null>(null);

export function useModels(): PanelModels {
  const m = useContext(Models);
  if (!m) throw new Error('Panel models missing');
  return m;
}
