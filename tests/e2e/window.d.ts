/** What the fixture page (fixtures/bilibili.js) and the tools' init scripts add to its window. */
export {};

declare global {
  interface FixturePage {
    media(): HTMLVideoElement | null;
    switchPart(p: number): void;
    openVideo(bvid: string, p?: number): void;
    setScreen(mode: string): void;
    rerenderColumn(): void;
    hideControls(hidden: boolean): void;
    addProgress(): void;
    removePlayer(): void;
    buildPlayer(): void;
  }
  interface Window {
    /** Actions on the fixture page. */
    __fx: FixturePage;
    /** Clicks the fixture's progress bar received (viewport px, fraction of its width). */
    __fxBarClicks: { x: number; y: number; fraction: number }[];
    /** Options for the fixture page, set before its scripts run. */
    __FX?: Record<string, unknown>;
    /** The panel's shadow root, found by what it holds (set by the bench's init script). */
    __panelRoot?: () => ShadowRoot | null;
    /** Scratch space of a measurement running in the page. */
    __bench?: unknown;
  }
}
