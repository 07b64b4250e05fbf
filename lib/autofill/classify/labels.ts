/**
 * Label inference: what a person reads as a field's label. The sources are tried from the
 * most explicit (a `<label for>`) to the least (text that happens to precede the field), the
 * order browsers' autofill uses, so a page that labels properly is never second-guessed.
 */
import { ancestorNamed, controlKind, isElement, isIdRoot } from './dom';
import { collapse, hasWords } from './text';

/** Elements whose text is not label text: controls, options, buttons, scripts. */
const NO_TEXT = new Set([
  'input',
  'select',
  'textarea',
  'option',
  'optgroup',
  'datalist',
  'button',
  'script',
  'style',
  'template',
  'noscript',
]);

/** Previous-text search stops at these: a heading or legend names a group, not one field. */
const BOUNDARY = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'form', 'fieldset', 'table']);

/** The search does not climb past these containers (a label is never outside its form or row). */
const STOP_AT = new Set(['form', 'fieldset', 'body', 'html', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'ol', 'dl']);

/** Cells and list items: their previous siblings are the last place to look. */
const LAST_LEVEL = new Set(['td', 'th', 'dd', 'li']);

const MAX_CHARS = 300;

/**
 * `label[for]` lookups, built once per root (document or shadow root) rather than once per
 * field, so a 200-field form queries its labels once.
 */
export class LabelIndex {
  private readonly byRoot = new Map<Node, Map<string, Element[]>>();

  /** The labels in `root` whose `for` is `id`. */
  labelsFor(root: Node, id: string): Element[] {
    let map = this.byRoot.get(root);
    if (!map) {
      map = new Map();
      if (isIdRoot(root)) {
        for (const label of root.querySelectorAll('label[for]')) {
          const key = label.getAttribute('for') ?? '';
          const list = map.get(key);
          if (list) list.push(label);
          else map.set(key, [label]);
        }
      }
      this.byRoot.set(root, map);
    }
    return map.get(id) ?? [];
  }
}

/** The text of `node` a reader takes as label text: controls' and options' text left out, capped. */
export function textOf(node: Node): string {
  let out = '';
  const stack: Node[] = [node];
  while (stack.length > 0 && out.length < MAX_CHARS * 2) {
    const current = stack.pop()!;
    if (current.nodeType === 3) {
      out += current.textContent ?? '';
    } else if (current === node || (isElement(current) && !NO_TEXT.has(current.localName))) {
      const children = current.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      // Block boundaries separate words even without spaces in the markup.
      out += ' ';
    }
  }
  return collapse(out);
}

/** Trims what decorates a label but is no part of it: "Email: *" reads as "Email". */
function clean(text: string): string {
  const trimmed = collapse(text)
    .replace(/^[*:\s]+|[*:\s]+$/g, '')
    .slice(0, MAX_CHARS)
    .trim();
  return hasWords(trimmed) ? trimmed : '';
}

/** Whether previous-text search must stop at `el`: another control, a group's heading, another field's label. */
function isBoundary(el: Element): boolean {
  if (BOUNDARY.has(el.localName) || controlKind(el) !== null) return true;
  if (el.localName === 'label' && el.hasAttribute('for')) return true;
  return el.querySelector('input, select, textarea, [contenteditable]') !== null;
}

/**
 * Text just before the field: a previous sibling's text, or, climbing a few levels, the text
 * before its wrapper (`<div><span>City</span><div><input></div></div>`), the cell to its left
 * in a table row, the `<dt>` of its `<dd>`.
 */
function precedingText(el: Element): string {
  let node: Element = el;
  for (let depth = 0; depth < 4; depth++) {
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === 3) {
        const text = clean(sibling.textContent ?? '');
        if (text) return text;
      } else if (isElement(sibling)) {
        if (isBoundary(sibling)) return '';
        const text = clean(textOf(sibling));
        if (text) return text;
      }
    }
    const parent = node.parentElement;
    if (LAST_LEVEL.has(node.localName) || !parent || STOP_AT.has(parent.localName)) break;
    node = parent;
  }
  return '';
}

/** The label of `el` by `aria-labelledby`: the referenced elements' text, in order. */
function labelledBy(el: Element, root: Node): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids || !isIdRoot(root)) return '';
  const parts = ids
    .trim()
    .split(/\s+/)
    .map((id) => root.getElementById(id));
  return clean(parts.map((part) => (part ? textOf(part) : '')).join(' '));
}

/** The first option's text when its value is empty: a select's placeholder ("Choose a country"). */
function placeholderOption(el: Element): string {
  if (el.localName !== 'select') return '';
  const first = el.querySelector('option');
  return first && (first.getAttribute('value') ?? '') === '' ? clean(textOf(first)) : '';
}

/**
 * The label a person reads for `el`, trimmed and whitespace collapsed; '' when there is none.
 * Tried in order: `label[for=id]` in the same root, a wrapping `<label>`, `aria-labelledby`,
 * `aria-label`, the placeholder (`aria-placeholder` for editors), `title`, the preceding text
 * (sibling text, the wrapper's previous text, the table cell to the left, a `<dt>`), and a
 * select's empty first option. Text of controls and options never counts. `index` lets a
 * caller labelling many fields share one `label[for]` lookup per root.
 */
export function inferLabel(el: Element, index: LabelIndex = new LabelIndex()): string {
  const root = el.getRootNode();
  const id = el.getAttribute('id');
  if (id) {
    const text = clean(index.labelsFor(root, id).map(textOf).join(' '));
    if (text) return text;
  }
  const wrapping = ancestorNamed(el, 'label');
  if (wrapping && (!wrapping.hasAttribute('for') || wrapping.getAttribute('for') === id)) {
    const text = clean(textOf(wrapping));
    if (text) return text;
  }
  for (const read of [
    () => labelledBy(el, root),
    () => clean(el.getAttribute('aria-label') ?? ''),
    () => clean(el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder') ?? ''),
    () => clean(el.getAttribute('title') ?? ''),
    () => precedingText(el),
    () => placeholderOption(el),
  ]) {
    const text = read();
    if (text) return text;
  }
  return '';
}
