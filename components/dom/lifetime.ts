/**
 * Lifetimes are AbortSignals, and these are the one way to end things: a child lifetime ends
 * with its parent (ending it first leaves nothing behind on the parent), and cleanups and
 * signal effects end with the lifetime they were started in, in the order they were added.
 */
import { effect } from '@preact/signals';

export function childOf(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) child.abort();
  else parent.addEventListener('abort', () => child.abort(), { once: true, signal: child.signal });
  return child;
}

export function onEnd(life: AbortSignal, ...cleanups: (() => void)[]): void {
  const run = (): void => cleanups.forEach((f) => f());
  if (life.aborted) run();
  else life.addEventListener('abort', run, { once: true });
}

/** A signal effect that is disposed when `life` ends. */
export function effectFor(life: AbortSignal, fn: Parameters<typeof effect>[0]): void {
  if (!life.aborted) onEnd(life, effect(fn));
}
