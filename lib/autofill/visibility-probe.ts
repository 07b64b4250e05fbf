/**
 * What the fill-time visibility rules ask of layout, behind an interface: a DOM without
 * rendering (Node, happy-dom) has no computed style, boxes or hit testing, so unit tests pass
 * a fake layout and the browser uses {@link domProbe}. Also the walk up the drawn tree and the
 * opacity along it, which the popup's tamper checks reuse.
 */
import type { Box } from './visibility-clip';
import { viewOf } from './fill-dom';

/** Computed style a visibility rule reads (a `CSSStyleDeclaration` has them all). */
export interface FieldStyle {
  display: string;
  visibility: string;
  opacity: string;
  contentVisibility: string;
  position: string;
  clip: string;
  clipPath: string;
  overflowX: string;
  overflowY: string;
}

/** What the rules ask of layout, which a DOM without rendering (Node, happy-dom) cannot answer. */
export interface LayoutProbe {
  style(element: Element): FieldStyle;
  /** The border box in viewport pixels. */
  rect(element: Element): Box;
  /** The topmost element at a viewport point, as `elementFromPoint` (null outside the viewport). */
  elementAt(x: number, y: number): Element | null;
  viewport(): { width: number; height: number };
}

const UNRENDERED: FieldStyle = {
  display: 'none',
  visibility: 'hidden',
  opacity: '0',
  contentVisibility: 'hidden',
  position: 'static',
  clip: 'auto',
  clipPath: 'none',
  overflowX: 'visible',
  overflowY: 'visible',
};

/**
 * The element at a point, looking into open shadow roots, which `elementFromPoint` answers
 * with their host; `ignore` (Edgewise's own popup) is looked through.
 */
function deepElementAt(doc: Document, x: number, y: number, ignore?: Element): Element | null {
  let hit = ignore ? (doc.elementsFromPoint(x, y).find((el) => el !== ignore) ?? null) : doc.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The real layout of `element`'s document, from its own window; `ignore` is an element hit tests look through. */
export function domProbe(element: Element, ignore?: Element): LayoutProbe {
  const doc = element.ownerDocument;
  return {
    // Each element's own window: the walk goes on into a same-origin parent frame's document.
    style: (el) => viewOf(el)?.getComputedStyle(el) ?? UNRENDERED,
    rect: (el) => el.getBoundingClientRect(),
    elementAt: (x, y) => deepElementAt(doc, x, y, ignore),
    viewport: () => {
      const view = doc.defaultView;
      // clientWidth leaves out the scrollbars; a point under them has no element.
      const root = doc.documentElement;
      return { width: root.clientWidth || view?.innerWidth || 0, height: root.clientHeight || view?.innerHeight || 0 };
    },
  };
}

/**
 * The element that contains `element` as the page is drawn: its parent, the host of the
 * shadow root it is in, or for a document's root the `<iframe>` showing it (same-origin
 * frames only: `frameElement` is null across origins).
 */
export function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  const view = viewOf(element);
  if (view && parent instanceof view.ShadowRoot) return parent.host;
  if (view && parent === element.ownerDocument) return view.frameElement;
  return null;
}

/** An element's own opacity, 0 to 1 (1 when unreadable). */
export function opacityOf(style: FieldStyle): number {
  const value = parseFloat(style.opacity);
  return Number.isNaN(value) ? 1 : Math.min(1, Math.max(0, value));
}

/**
 * The opacity `element` is drawn with: its own times every ancestor's up the drawn tree
 * (shadow hosts and same-origin frames included), since opacities multiply.
 */
export function ancestorOpacity(element: Element, probe: LayoutProbe = domProbe(element)): number {
  let opacity = 1;
  for (let node: Element | null = element; node; node = composedParent(node)) opacity *= opacityOf(probe.style(node));
  return opacity;
}
