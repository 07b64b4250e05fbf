import { expect, test, vi } from 'vitest';
import { insertText, readFieldValue } from '@/lib/autofill/fill';
import { closePagesAfterEach, page } from './helpers/autofill-dom';

closePagesAfterEach();

function textarea(doc: Document, id: string): HTMLTextAreaElement {
  const element = doc.getElementById(id);
  if (!(element instanceof doc.defaultView!.HTMLTextAreaElement)) throw new Error(`no textarea #${id}`);
  return element;
}

/** The input events that reach `element`, by inputType. */
function inputTypes(element: Element): string[] {
  const seen: string[] = [];
  element.addEventListener('input', (event) => seen.push('inputType' in event ? String(event.inputType) : '?'));
  element.addEventListener('change', () => seen.push('change'));
  return seen;
}

test('without execCommand (as in Node) a textarea gets the text through the native setter and an input event', () => {
  const doc = page('<textarea id="t">old draft</textarea>');
  expect('execCommand' in doc).toBe(false);
  const field = textarea(doc, 't');
  const seen = inputTypes(field);
  expect(insertText(field, 'I build engines.\nAnd programs.')).toBe(true);
  expect(field.value).toBe('I build engines.\nAnd programs.');
  expect(seen).toEqual(['insertText']);
  expect(doc.activeElement).toBe(field);
});

test("the fallback also reaches React's value tracker", () => {
  const doc = page('<textarea id="t"></textarea>');
  const field = textarea(doc, 't');
  const native = Object.getOwnPropertyDescriptor(doc.defaultView!.HTMLTextAreaElement.prototype, 'value')!;
  let tracked = '';
  Object.defineProperty(field, 'value', {
    configurable: true,
    get: () => String(native.get!.call(field)),
    set: (next: string) => {
      tracked = next;
      native.set!.call(field, next);
    },
  });
  let accepted = '';
  field.addEventListener('input', () => {
    if (field.value !== tracked) accepted = tracked = field.value;
  });
  insertText(field, 'Drafted');
  expect(accepted).toBe('Drafted');
});

test("replace: 'selection' replaces only the user's range, and leaves the caret after it", () => {
  const doc = page('<textarea id="t">Hello world, bye</textarea>');
  const field = textarea(doc, 't');
  field.setSelectionRange(6, 11);
  insertText(field, 'there', { replace: 'selection' });
  expect(field.value).toBe('Hello there, bye');
  expect([field.selectionStart, field.selectionEnd]).toEqual([11, 11]);
});

test('a single-line input gets line breaks as commas', () => {
  const doc = page('<input id="i" value="x">');
  const field = doc.getElementById('i')!;
  insertText(field, 'one\ntwo');
  expect(readFieldValue(field)).toBe('one, two');
});

test('where execCommand exists, it inserts as one step over the selected content, and nothing is written twice', () => {
  const doc = page('<textarea id="t">old draft</textarea>');
  const field = textarea(doc, 't');
  const calls: { args: unknown[]; selection: [number | null, number | null] }[] = [];
  const execCommand = vi.fn((...args: unknown[]) => {
    calls.push({ args, selection: [field.selectionStart, field.selectionEnd] });
    return true;
  });
  Object.defineProperty(doc, 'execCommand', { configurable: true, value: execCommand });
  expect(insertText(field, 'New answer')).toBe(true);
  expect(calls).toEqual([{ args: ['insertText', false, 'New answer'], selection: [0, 9] }]);
  // The browser's command did the writing; our fake did none, so the old text is still there.
  expect(field.value).toBe('old draft');
});

test('when execCommand refuses, the text is written directly', () => {
  const doc = page('<textarea id="t">old</textarea>');
  Object.defineProperty(doc, 'execCommand', { configurable: true, value: () => false });
  const field = textarea(doc, 't');
  insertText(field, 'new');
  expect(field.value).toBe('new');
});

test('a contenteditable editor gets its content replaced, lines as <br>', () => {
  const doc = page('<div id="e" contenteditable="true"><p>old</p></div>');
  const editor = doc.getElementById('e')!;
  const seen = inputTypes(editor);
  expect(insertText(editor, 'Line one\nLine <two>')).toBe(true);
  expect(editor.innerHTML).toBe('Line one<br>Line &lt;two&gt;');
  expect(seen).toEqual(['insertText']);
});

test("a contenteditable editor with replace: 'selection' inserts at the user's caret", () => {
  const doc = page('<div id="e" contenteditable="true">Dear team, thanks</div>');
  const editor = doc.getElementById('e')!;
  const range = doc.createRange();
  range.setStart(editor.firstChild!, 10);
  range.collapse(true);
  doc.getSelection()!.removeAllRanges();
  doc.getSelection()!.addRange(range);
  insertText(editor, 'hello and', { replace: 'selection' });
  expect(editor.textContent).toBe('Dear team,hello and thanks');
});

test('a select or a plain element is not inserted into', () => {
  const doc = page('<select id="s"><option>A</option></select><div id="d"></div>');
  expect(insertText(doc.getElementById('s')!, 'A')).toBe(false);
  expect(insertText(doc.getElementById('d')!, 'A')).toBe(false);
  expect(doc.getElementById('d')!.textContent).toBe('');
});
