/**
 * Small DOM helpers that work on any DOM implementation: no `instanceof` against global
 * classes (a happy-dom document in Node has none) and no layout or style reads, because
 * classification must work on a parsed, detached or invisible document.
 */

/** What a control is, for the rules that depend on it. */
export type ControlKind = 'input' | 'select' | 'textarea' | 'editable';

/** Input types that hold no text a profile could fill (or that the page fills itself). */
const NOT_FILLABLE = new Set([
  'hidden',
  'submit',
  'button',
  'reset',
  'image',
  'file',
  'checkbox',
  'radio',
  'range',
  'color',
]);

/** Narrows a node to an element by its type, not its class. */
export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

/** A node that can look ids up: a document or a shadow root (both are `getRootNode()` results). */
export function isIdRoot(node: Node): node is Document | DocumentFragment {
  return node.nodeType === 9 || node.nodeType === 11;
}

/** Whether `el` itself makes its content editable (`contenteditable`, "", "true" or "plaintext-only"). */
export function isEditingHost(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/** The input's type as the page wrote it, lower case; `text` when absent. */
export function inputType(el: Element): string {
  return (el.getAttribute('type') ?? 'text').trim().toLowerCase() || 'text';
}

/**
 * The kind of fillable control `el` is, or null. An editing host inside another editing host
 * is part of that editor, not a field of its own (callers skip the inner one).
 */
export function controlKind(el: Element): ControlKind | null {
  switch (el.localName) {
    case 'input':
      return NOT_FILLABLE.has(inputType(el)) ? null : 'input';
    case 'select':
      return 'select';
    case 'textarea':
      return 'textarea';
    default:
      return isEditingHost(el) ? 'editable' : null;
  }
}

/** The `maxlength` attribute as a number; Infinity when absent or not a non-negative integer. */
export function maxLength(el: Element): number {
  const value = el.getAttribute('maxlength');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return Infinity;
  return Number(value);
}

/** A shadow root (a fragment with a host). */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/** The parent element, crossing out of a shadow root to its host, as the page is drawn. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}

/** The `<option>`s of a select, as [text, value] pairs (value defaults to the text, as in HTML). */
export function optionsOf(select: Element): [string, string][] {
  const out: [string, string][] = [];
  for (const option of select.querySelectorAll('option')) {
    const text = (option.textContent ?? '').replace(/\s+/g, ' ').trim();
    out.push([text, option.getAttribute('value') ?? text]);
  }
  return out;
}

/** The nearest inclusive ancestor named `localName`, in the same root (like `closest`, without a selector engine). */
export function ancestorNamed(el: Element, localName: string): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) if (node.localName === localName) return node;
  return null;
}
