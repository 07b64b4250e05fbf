/**
 * Finding the fillable controls: inputs (not hidden, buttons, checkboxes, radios, files,
 * ranges, colours), selects, textareas and contenteditable editors, in document order,
 * through open shadow roots but not into frames (each frame is classified on its own).
 * Visibility is not looked at: it is checked when filling, and classification must run on a
 * parsed document in Node.
 */
import type { FillableElement } from '../types';
import { controlKind, isEditingHost, isElement, type ControlKind } from './dom';

/** A control found, with the last heading before it (for sections and date context). */
export interface Found {
  element: FillableElement;
  kind: ControlKind;
  heading: Element | null;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const XHTML = 'http://www.w3.org/1999/xhtml';

/** Fillable controls are HTML elements; an SVG or MathML element never is, even if editable. */
function isFillable(el: Element): el is FillableElement {
  return el.namespaceURI === XHTML;
}

/** Whether an editing host is part of an outer editor (then the outer one is the field). */
function insideEditor(el: Element): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) if (isEditingHost(node)) return true;
  return false;
}

interface Walk {
  out: Found[];
  heading: Element | null;
}

function visit(el: Element, walk: Walk, editor: { current: Element | null }): void {
  if (editor.current && editor.current.contains(el)) return;
  editor.current = null;
  if (HEADINGS.has(el.localName)) walk.heading = el;
  const kind = controlKind(el);
  if (kind && isFillable(el) && !(kind === 'editable' && insideEditor(el))) {
    walk.out.push({ element: el, kind, heading: walk.heading });
    // An editor's inner elements are its content, not fields.
    if (kind === 'editable') {
      editor.current = el;
      return;
    }
  }
  // Open shadow content is drawn where its host is: classify it there, in order.
  if (el.shadowRoot) walkRoot(el.shadowRoot, walk);
}

/** Controls and headings: all a root without shadow hosts needs visiting. */
const SELECTOR = 'input, select, textarea, [contenteditable], h1, h2, h3, h4, h5, h6';

function walkRoot(root: Document | ShadowRoot | Element, walk: Walk): void {
  const editor: { current: Element | null } = { current: null };
  if (isElement(root)) visit(root, walk, editor);
  // Shadow hosts match no selector, so a root with one is walked element by element, in order;
  // most roots have none and only their controls and headings are visited.
  const all = root.querySelectorAll('*');
  let hosts = false;
  for (const el of all) {
    if (el.shadowRoot) {
      hosts = true;
      break;
    }
  }
  for (const el of hosts ? all : root.querySelectorAll(SELECTOR)) visit(el, walk, editor);
}

/** Every fillable control under `root` (and `root` itself), in document order, with open shadow roots. */
export function collectFields(root: Document | ShadowRoot | Element): Found[] {
  const walk: Walk = { out: [], heading: null };
  walkRoot(root, walk);
  return walk.out;
}
