/**
 * User Timing measures (`companion:<name>`) that `npm run bench` reads from the page's
 * performance timeline. A measure costs microseconds; nothing here runs per frame.
 */
export function measured<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    measureSince(name, start);
  }
}

/** `companion:<name>` from `start` to now; only the latest entry is kept, so the page's timeline does not grow with every mount. */
export function measureSince(name: string, start: number): void {
  performance.clearMeasures(`companion:${name}`);
  performance.measure(`companion:${name}`, { start, end: performance.now() });
}
