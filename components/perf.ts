/**
 * User Timing measures (`companion:<name>`) that `npm run bench` reads from the page's
 * performance timeline. A measure costs microseconds; nothing here runs per frame.
 */
export function measured<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    // Keep only the latest entry: the page's timeline must not grow with every mount.
    performance.clearMeasures(`companion:${name}`);
    performance.measure(`companion:${name}`, { start, end: performance.now() });
  }
}
