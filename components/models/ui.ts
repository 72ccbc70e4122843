/** View state of one panel: which tab, follow, popover, menus. Nothing here is persisted. */
import { signal } from '@preact/signals';

export type Tab = 'transcript' | 'chapters' | 'glossary' | 'search';

export interface TermPopoverState {
  termId: string;
  /** The element that opened it: focus returns here on close; placement starts here. */
  opener: HTMLElement;
}

export function createUiModel() {
  return {
    tab: signal<Tab>('transcript'),
    collapsed: signal(false),
    /** The user scrolled or selected: stop following until "back to now". */
    followPaused: signal(false),
    popover: signal<TermPopoverState | null>(null),
    /** Segment index whose action menu is open, or -1. */
    menuFor: signal(-1),
    /** Segments whose original ASR text is toggled against the default. */
    originalToggled: signal<ReadonlySet<number>>(new Set()),
    searchQuery: signal(''),
    /** A shortcut asked for the search box; the search view (loaded on demand) takes focus when it can. */
    searchFocus: signal(false),
    glossaryFilter: signal(''),
    /** Term to scroll to in the glossary tab. */
    glossaryFocus: signal<string | null>(null),
    /** In fullscreen: compact bar expanded to the full panel. */
    overlayExpanded: signal(false),
    toast: signal(''),
  };
}

export type UiModel = ReturnType<typeof createUiModel>;
