/**
 * A component whose code (and styles) is a separate chunk of the panel bundle, fetched the first
 * time it is rendered (an extension-local file: a few ms). Callers render it only when it has
 * something to show, so a page load that never opens search, the glossary, a menu or a term
 * pays nothing for them.
 */
import { Fragment, h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyPart<P> {
  view: ComponentType<P>;
  /** The part's own rules, rendered before it (the panel's shadow root holds only the shared ones). */
  css?: string;
}

export function lazy<P extends object>(load: () => Promise<LazyPart<P>>): FunctionComponent<P> {
  let part: LazyPart<P> | undefined;
  let pending: Promise<LazyPart<P>> | undefined;
  return function Lazy(props: P) {
    const [, loaded] = useState(0);
    useEffect(() => {
      if (part) return;
      let live = true;
      (pending ??= load()).then(
        (p) => {
          part = p;
          if (live) loaded(1);
        },
        (err: unknown) => {
          // Typically the extension was reloaded under the page; mounting it again tries again.
          pending = undefined;
          console.warn('[companion] part of the panel failed to load', err);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (!part) return null;
    return h(Fragment, null, part.css ? h('style', null, part.css) : null, h(part.view, props));
  };
}
