/**
 * Inserting a drafted answer into a textarea, text input or contenteditable editor as one
 * step the user can undo with Ctrl+Z. Only the browser's own editing command
 * (`execCommand('insertText')`) lands on the undo stack and reaches rich editors
 * (ProseMirror, Lexical, Draft.js) through `beforeinput`, as typing does; where it is missing
 * or refused, the text is written directly, which the page still sees as an input.
 */
import type { FillableElement } from './types';
import { announce, controlOf, getNative, setNative, singleLine, textFragment, viewOf, type Control } from './fill-dom';

/** Where the text goes. */
export interface InsertOptions {
  /** 'all' (default) replaces the field's content; 'selection' replaces the range or caret the user left in it. */
  replace?: 'all' | 'selection';
}

/** Whether `element` has focus, within its own document or shadow root. */
function hasFocus(element: Element): boolean {
  const view = viewOf(element);
  const root = element.getRootNode();
  const scope =
    root === element.ownerDocument ? element.ownerDocument : view && root instanceof view.ShadowRoot ? root : null;
  if (!scope) return false;
  const active = scope.activeElement;
  return active !== null && (active === element || element.contains(active));
}

/** The selection's range if it lies inside `element`; else a caret at the end of its content. */
function rangeIn(element: HTMLElement): Range {
  const selection = element.ownerDocument.getSelection();
  if (selection && selection.rangeCount > 0) {
    const range = selection.getRangeAt(0);
    if (element.contains(range.commonAncestorContainer)) return range.cloneRange();
  }
  const end = element.ownerDocument.createRange();
  end.selectNodeContents(element);
  end.collapse(false);
  return end;
}

/** The browser's insertText command, where it exists; false where it does not or refuses. */
function execInsert(doc: Document, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** Selection offsets of a text control; the end when its type has none (email, number). */
function offsetsOf(element: HTMLInputElement | HTMLTextAreaElement, length: number): [number, number] {
  try {
    const start = element.selectionStart ?? length;
    return [start, element.selectionEnd ?? start];
  } catch {
    return [length, length];
  }
}

function insertIntoEditable(control: Extract<Control, { kind: 'editable' }>, text: string, all: boolean): void {
  const { element } = control;
  const doc = element.ownerDocument;
  // Read before focusing: focus may move the caret to the start.
  const range = rangeIn(element);
  if (all) range.selectNodeContents(element);
  element.focus({ preventScroll: true });
  if (hasFocus(element)) {
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    if (execInsert(doc, text)) return;
  }
  range.deleteContents();
  range.insertNode(textFragment(doc, text));
  announce(control, 'insertText', text);
}

function insertIntoText(control: Extract<Control, { kind: 'input' | 'textarea' }>, text: string, all: boolean): void {
  const { element } = control;
  const before = getNative(control);
  const [start, end] = all ? [0, before.length] : offsetsOf(element, before.length);
  element.focus({ preventScroll: true });
  if (hasFocus(element)) {
    try {
      element.setSelectionRange(start, end);
    } catch {
      // Types without a selection API (email, number): select() still selects all of it.
      if (all) element.select();
    }
    if (execInsert(element.ownerDocument, text)) return;
  }
  const inserted = control.kind === 'input' ? singleLine(text) : text;
  setNative(control, 'value', before.slice(0, start) + inserted + before.slice(end));
  try {
    element.setSelectionRange(start + inserted.length, start + inserted.length);
  } catch {
    // This input type has no caret to place.
  }
  announce(control, 'insertText', inserted, false);
}

/**
 * Inserts `text` into `element`: focuses it, selects its content (or keeps the user's
 * range, with `replace: 'selection'`), and inserts through `execCommand('insertText')` as
 * one undoable step. Without that command (Node, or an editor that refuses it) it writes
 * through the native setter, or replaces the contenteditable range, and fires `input` with
 * `inputType: 'insertText'`. Returns false for a select or an element autofill does not
 * write into.
 */
export function insertText(element: FillableElement, text: string, options: InsertOptions = {}): boolean {
  const control = controlOf(element);
  if (!control || control.kind === 'select') return false;
  const all = (options.replace ?? 'all') === 'all';
  if (control.kind === 'editable') insertIntoEditable(control, text, all);
  else insertIntoText(control, text, all);
  return true;
}
