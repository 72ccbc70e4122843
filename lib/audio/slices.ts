/**
 * Run a step generator in slices of at most ~`budgetMs` each, pausing between them, so work of
 * hundreds of milliseconds (aligning a whole talk) never becomes a long task on a page's main
 * thread. Pure: the caller gives the clock and the pause (the browser: performance.now and a
 * MessageChannel turn, which background tabs do not throttle the way they throttle timers).
 */
export interface SliceOptions {
  /** Stop a slice once it has run this long (ms); a slice overruns by at most one step. */
  budgetMs: number;
  now(): number;
  pause(): Promise<void>;
  /** Aborting drops the work: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface SliceStats {
  slices: number;
  /** The longest slice (ms). */
  longestMs: number;
}

export async function runSliced<T>(steps: Generator<void, T>, o: SliceOptions, stats?: SliceStats): Promise<T> {
  for (;;) {
    o.signal?.throwIfAborted();
    const t0 = o.now();
    let r = steps.next();
    while (!r.done && o.now() - t0 < o.budgetMs) r = steps.next();
    if (stats) {
      stats.slices++;
      stats.longestMs = Math.max(stats.longestMs, o.now() - t0);
    }
    if (r.done) return r.value;
    await o.pause();
  }
}

/** Run a step generator to its end, in one go (the CLI, the bench, tests). */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
