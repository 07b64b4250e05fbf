import { backgroundFor, hiddenByLayout, layoutOf, ownTextHidden, type Rgb } from './hidden';

/** Elements that never show text to a reader, whatever their style. */
const NEVER_SHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS']);

const BLANK = /^\s*$/;

/** Limits on the walk; when one is reached the rest of the page is left out. */
export interface WalkLimits {
  /** Most elements to copy. */
  maxElements: number;
  /** Most characters of visible text to copy (counted before collapsing whitespace; blank nodes not counted). */
  maxRawChars: number;
  /** Elements to leave out although visible (with their subtree). */
  skip?: (el: Element) => boolean;
  /**
   * The shadow root of a host, open or closed. Closed roots are reachable only from an
   * extension's isolated world (`chrome.dom.openOrClosedShadowRoot`); default: open ones.
   */
  shadowRoot?: (el: Element) => ShadowRoot | null;
}

/** A copy of the page holding only what a person can see. */
export interface VisibleCopy {
  /** Detached document: the live page's head (minus scripts and styles) and its visible body. */
  doc: Document;
  /** Elements copied into the body. */
  elements: number;
  /** Characters of text copied into the body, whitespace and all. */
  chars: number;
  /** Set when a limit stopped the walk: which one. */
  cut: null | 'elements' | 'chars';
}

/** Hidden by markup alone, without asking for style: cheap, and works on detached documents too. */
export function hiddenByMarkup(el: Element): boolean {
  return NEVER_SHOWN.has(el.tagName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/**
 * Copies `doc` into a new detached document, leaving out what a person cannot see:
 * script/style/template/noscript, the `hidden` attribute, aria-hidden="true", computed
 * display:none or content-visibility:hidden, opacity 0 (on the element or an ancestor), the
 * content of a closed `<details>` but its summary, boxes that layout hides (zero-size and
 * clipping, 1-px "screen-reader only", off the page: see {@link hiddenByLayout}), and the
 * text directly inside elements whose own text is invisible (visibility:hidden, font-size 0,
 * transparent or the colour of its background; their children may show theirs again).
 * It walks the flat tree, as the page is drawn: a shadow host's shadow content (open or
 * closed) instead of its light children, and each slot's assigned nodes in its place.
 *
 * Computed style exists only on the live document, so the walk reads the live tree and builds the
 * copy node by node; the live page is never modified. Building (rather than cloning everything and
 * pruning) bounds the work by `limits`: a cut stops the walk, and nothing after it is copied.
 */
export function copyVisible(doc: Document, limits: WalkLimits): VisibleCopy {
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.documentElement;
  for (const attr of Array.from(doc.documentElement.attributes)) html.setAttribute(attr.name, attr.value);
  if (doc.head) copyHead(doc.head, copy);
  const result: VisibleCopy = { doc: copy, elements: 0, chars: 0, cut: null };
  if (!doc.body) return result;
  const body = copy.importNode(doc.body, false);
  html.replaceChild(body, copy.body);

  const view = doc.defaultView;
  const style = (el: Element) => (view ? view.getComputedStyle(el) : null);
  const layout = layoutOf(doc);
  const shadowOf = limits.shadowRoot ?? ((el: Element) => el.shadowRoot);
  let rawChars = 0;
  // Depth-first in flat-tree order. Each entry: live node, its copied parent, whether that
  // parent's own text is invisible (it hides the parent's text, not its elements), and the
  // background the parent's text is drawn on (null: unknown, e.g. an image).
  const stack: [Node, Node, boolean, Rgb | null][] = [];
  const pushChildren = (live: Node, parent: Node, invisible: boolean, background: Rgb | null) => {
    const children = flatChildren(live, shadowOf);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, parent, invisible, background]);
  };
  const rootStyle = style(doc.documentElement);
  const pageBackground = rootStyle ? backgroundFor(rootStyle, WHITE) : WHITE;
  const bodyStyle = style(doc.body);
  pushChildren(doc.body, body, false, bodyStyle ? backgroundFor(bodyStyle, pageBackground) : pageBackground);
  while (stack.length > 0) {
    const [node, parent, invisible, background] = stack.pop()!;
    if (node.nodeType === 3 /* text */) {
      if (invisible) continue;
      const data = (node as Text).data;
      parent.appendChild(copy.createTextNode(data));
      result.chars += data.length;
      // Indentation between tags is most text nodes on many pages; it collapses away, so it does not count.
      if (!BLANK.test(data)) rawChars += data.length;
      if (rawChars > limits.maxRawChars) {
        result.cut = 'chars';
        break;
      }
    } else if (node.nodeType === 1 /* element */) {
      const el = node as Element;
      if (hiddenByMarkup(el) || limits.skip?.(el)) continue;
      const cs = style(el);
      if (cs && (cs.display === 'none' || cs.getPropertyValue('content-visibility') === 'hidden')) continue;
      // Opacity 0 hides the whole subtree: no child can be more opaque than its parent.
      if (cs && parseFloat(cs.opacity) === 0) continue;
      if (cs && layout && hiddenByLayout(el, cs, layout)) continue;
      const clone = copy.importNode(el, false);
      // Visibility is decided here, from computed style; a copied inline style would make
      // Readability drop a visibility:visible child of a visibility:hidden parent.
      clone.removeAttribute('style');
      parent.appendChild(clone);
      if (++result.elements > limits.maxElements) {
        result.cut = 'elements';
        break;
      }
      const drawnOn = cs ? backgroundFor(cs, background) : background;
      const hidden = cs !== null && ownTextHidden(cs, drawnOn);
      if (el.tagName === 'DETAILS' && !el.hasAttribute('open')) {
        // A closed <details> shows its summary only.
        const summary = Array.from(el.children).find((c) => c.tagName === 'SUMMARY');
        if (summary) stack.push([summary, clone, hidden, drawnOn]);
        continue;
      }
      pushChildren(el, clone, hidden, drawnOn);
    }
  }
  return result;
}

const WHITE: Rgb = [255, 255, 255];

/**
 * Children as the page is drawn (the flat tree): a shadow host shows its shadow root's
 * children, not its own (light children show only where a slot takes them); a slot shows
 * the nodes assigned to it, or its own fallback content when none are.
 */
function flatChildren(node: Node, shadowOf: (el: Element) => ShadowRoot | null): Node[] {
  if (node.nodeType === 1) {
    const el = node as Element;
    const root = shadowOf(el);
    if (root) return Array.from(root.childNodes);
    if (el.tagName === 'SLOT' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: false });
      if (assigned.length > 0) return assigned;
    }
  }
  return Array.from(node.childNodes);
}

/** The head carries title, language and metadata (author, JSON-LD) but no visible text. */
function copyHead(head: HTMLHeadElement, copy: Document): void {
  const target = copy.head;
  for (let c = head.firstElementChild; c; c = c.nextElementSibling) {
    const keep =
      c.tagName === 'TITLE' ||
      c.tagName === 'META' ||
      c.tagName === 'BASE' ||
      (c.tagName === 'SCRIPT' && c.getAttribute('type') === 'application/ld+json');
    if (keep) target.appendChild(copy.importNode(c, true));
  }
}
