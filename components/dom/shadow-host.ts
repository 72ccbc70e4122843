/**
 * A shadow-root host for the panel: styles isolated both ways (`:host { all: initial }`
 * beats page rules, ours never leak out), and key events stopped at the boundary so typing
 * in the panel never reaches Bilibili's shortcuts. (What WXT's createShadowRootUi does,
 * without its auto-mount machinery: the controller places the host itself.)
 */
// `all: initial` in the shadow context wins over any page `!important` on the host element.
const RESET = ':host{all:initial!important;display:block!important}';
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface ShadowUi {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  remove(): void;
}

export function createShadowUi(doc: Document, name: string, css: string): ShadowUi {
  const host = doc.createElement(name);
  // Open, so assistive tech and tests can reach it; the page could anyway inspect the DOM.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `${RESET}\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  return { host, shadow, container, remove: () => host.remove() };
}
