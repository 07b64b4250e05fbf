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
 * display:none or content-visibility:hidden (whole subtree), and the text directly inside
 * visibility:hidden/collapse elements (their children may set visibility:visible again).
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
  let rawChars = 0;
  // Depth-first in document order. Each entry: live node, its copied parent, and whether that
  // parent is visibility:hidden (which hides the parent's own text, not its elements).
  const stack: [Node, Node, boolean][] = [];
  const pushChildren = (live: Node, parent: Node, invisible: boolean) => {
    for (let c = live.lastChild; c; c = c.previousSibling) stack.push([c, parent, invisible]);
  };
  pushChildren(doc.body, body, false);
  while (stack.length > 0) {
    const [node, parent, invisible] = stack.pop()!;
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
      const clone = copy.importNode(el, false);
      // Visibility is decided here, from computed style; a copied inline style would make
      // Readability drop a visibility:visible child of a visibility:hidden parent.
      clone.removeAttribute('style');
      parent.appendChild(clone);
      if (++result.elements > limits.maxElements) {
        result.cut = 'elements';
        break;
      }
      const hidden = cs !== null && (cs.visibility === 'hidden' || cs.visibility === 'collapse');
      pushChildren(el, clone, hidden);
    }
  }
  return result;
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
