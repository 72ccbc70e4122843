/** Event delegation inside the shadow root: the nearest element matching `selector` on the event's path. */
export function closestInPath(event: Event, selector: string, stopAt: Element): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (node === stopAt) return null;
    if (node instanceof HTMLElement && node.matches(selector)) return node;
  }
  return null;
}
