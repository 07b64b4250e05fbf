import { browser } from 'wxt/browser';

/**
 * The one wrapper around `chrome.dom.openOrClosedShadowRoot` (Chrome 88+): closed shadow
 * roots hold visible text and page UI too, and only an extension's isolated world can reach
 * them. Elsewhere (no `dom` API, outside an extension context): open roots only.
 */
export function openOrClosedShadowRoot(el: Element): ShadowRoot | null {
  return typeof browser.dom?.openOrClosedShadowRoot === 'function'
    ? // The API is typed for HTMLElement; it answers null for any other element.
      browser.dom.openOrClosedShadowRoot(el as HTMLElement)
    : el.shadowRoot;
}
