/**
 * The DOM operations filling is built on. Every constructor and prototype is taken from the
 * element's own window: a content script's globals are not the page's, and an element of a
 * same-origin iframe belongs to the iframe's window, so `instanceof HTMLInputElement` with
 * the script's globals would be false for it.
 */

/** A fillable control, told apart once so each operation handles exactly its kind. */
export type Control =
  | { kind: 'input'; element: HTMLInputElement }
  | { kind: 'textarea'; element: HTMLTextAreaElement }
  | { kind: 'select'; element: HTMLSelectElement }
  | { kind: 'editable'; element: HTMLElement };

/**
 * Input types that take text. Passwords are left out on purpose: autofill never writes into
 * one, whatever a classifier said. Checkboxes, radios, files and buttons take no text.
 */
const TEXT_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'number',
  'date',
  'month',
  'week',
  'time',
  'datetime-local',
]);

/** The window `node` belongs to (null for a document without one, such as a parsed copy). */
export function viewOf(node: Node): (Window & typeof globalThis) | null {
  return node.ownerDocument?.defaultView ?? null;
}

/**
 * Whether `element` is editable through `contenteditable`. `isContentEditable` says so in a
 * browser; a DOM without editing (happy-dom) always answers false, so the attribute is read
 * too, inherited as the browser does: the nearest element that sets it to a valid value decides.
 */
export function isEditableHost(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttribute('contenteditable');
    if (value === '' || value === 'true' || value === 'plaintext-only') return true;
    if (value === 'false') return false;
  }
  return false;
}

/**
 * The index of a select's selected option, -1 for none: what `selectedIndex` answers, read
 * from the options, since DOMs without rendering (happy-dom) report -1 for an option
 * selected by its `selected` attribute.
 */
export function selectedIndexOf(select: HTMLSelectElement): number {
  return Array.from(select.options).findIndex((option) => option.selected);
}

/** The control `element` is, or null when it is none autofill writes into. */
export function controlOf(element: Element): Control | null {
  const view = viewOf(element);
  if (!view) return null;
  if (element instanceof view.HTMLInputElement) return TEXT_TYPES.has(element.type) ? { kind: 'input', element } : null;
  if (element instanceof view.HTMLTextAreaElement) return { kind: 'textarea', element };
  if (element instanceof view.HTMLSelectElement) return { kind: 'select', element };
  if (element instanceof view.HTMLElement && isEditableHost(element)) return { kind: 'editable', element };
  return null;
}

function prototypeOf(control: Control, view: Window & typeof globalThis): object {
  switch (control.kind) {
    case 'input':
      return view.HTMLInputElement.prototype;
    case 'textarea':
      return view.HTMLTextAreaElement.prototype;
    case 'select':
      return view.HTMLSelectElement.prototype;
    default:
      return view.HTMLElement.prototype;
  }
}

/**
 * Sets `property` through the prototype's own setter. React (and other frameworks) define an
 * instance-level `value` that records what was set, and ignore the next `input` event when
 * the recorded and the real value agree; going around it makes the fill look like typing.
 */
export function setNative(control: Control, property: 'value' | 'selectedIndex', value: string | number): void {
  const view = viewOf(control.element);
  const setter = view && Object.getOwnPropertyDescriptor(prototypeOf(control, view), property)?.set;
  if (setter) setter.call(control.element, value);
  else Reflect.set(control.element, property, value);
}

/** Reads `value` through the prototype's getter, so an instance-level override cannot report something else. */
export function getNative(control: Exclude<Control, { kind: 'editable' }>): string {
  const view = viewOf(control.element);
  const getter = view && Object.getOwnPropertyDescriptor(prototypeOf(control, view), 'value')?.get;
  const value: unknown = getter ? getter.call(control.element) : control.element.value;
  return typeof value === 'string' ? value : '';
}

/**
 * Tells the page its field changed, as typing does: `input` (with `inputType`, which editors
 * read), then `change` unless the field is contenteditable, which never fires one. Both bubble
 * and are composed, so listeners outside a shadow root the field is in still hear them.
 */
export function announce(control: Control, inputType: string, data: string | null, change = true): void {
  const view = viewOf(control.element);
  if (!view) return;
  const init = { bubbles: true, composed: true };
  control.element.dispatchEvent(new view.InputEvent('input', { ...init, inputType, data }));
  if (change && control.kind !== 'editable') control.element.dispatchEvent(new view.Event('change', init));
}

/**
 * Replaces the whole content of a contenteditable element with `text`, one line per line
 * with `<br>` between, built as nodes (no HTML is parsed, so the text cannot become markup).
 */
export function replaceEditableText(element: HTMLElement, text: string): void {
  element.replaceChildren(textFragment(element.ownerDocument, text));
}

/** `text` as text nodes with `<br>` for its line breaks. */
export function textFragment(doc: Document, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(doc.createElement('br'));
    if (line) fragment.append(doc.createTextNode(line));
  });
  return fragment;
}

/** A single-line field drops line breaks silently ("Main St 1Apt 2"); a comma keeps the lines apart. */
export function singleLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ', ');
}
