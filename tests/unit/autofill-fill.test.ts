import { describe, expect, test } from 'vitest';
import { isFieldEmpty, readFieldValue, setFieldValue } from '@/lib/autofill/fill';
import { closePagesAfterEach, page } from './helpers/autofill-dom';

closePagesAfterEach();

/**
 * An input as React renders a controlled one: React defines `value` on the instance so it
 * records every value set through it, and on `input` it only calls onChange when the real
 * (native) value differs from the recorded one. A value set with `el.value = x` is recorded,
 * so React drops the event and the page's state never sees it.
 */
function reactInput(doc: Document) {
  const view = doc.defaultView!;
  const input = doc.createElement('input');
  doc.body.append(input);
  const native = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')!;
  const nativeValue = () => String(native.get!.call(input));
  let tracked = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: nativeValue,
    set(next: string) {
      tracked = String(next);
      native.set!.call(input, next);
    },
  });
  const state = { value: '', onChange: 0 };
  input.addEventListener('input', () => {
    if (nativeValue() === tracked) return;
    tracked = nativeValue();
    state.value = tracked;
    state.onChange++;
  });
  return { input, state };
}

/** Every input and change event that reaches `target`, with what a framework reads of it. */
function listen(target: EventTarget) {
  const seen: { type: string; bubbles: boolean; composed: boolean; inputType?: string }[] = [];
  for (const type of ['input', 'change']) {
    target.addEventListener(type, (event) => {
      const inputType = 'inputType' in event ? String(event.inputType) : undefined;
      seen.push({ type, bubbles: event.bubbles, composed: event.composed, ...(inputType ? { inputType } : {}) });
    });
  }
  return seen;
}

describe('controlled inputs', () => {
  test("React's value tracker accepts a fill through the native setter", () => {
    const doc = page('');
    const { input, state } = reactInput(doc);
    expect(setFieldValue(input, 'Ada')).toBe(true);
    expect(state).toEqual({ value: 'Ada', onChange: 1 });
    expect(input.value).toBe('Ada');
  });

  test('…and would not with a plain assignment, so the test above can fail', () => {
    const doc = page('');
    const { input, state } = reactInput(doc);
    input.value = 'Ada';
    input.dispatchEvent(new doc.defaultView!.Event('input', { bubbles: true }));
    expect(state).toEqual({ value: '', onChange: 0 });
  });

  test('input and change fire, bubble and are composed', () => {
    const doc = page('<form><input id="f"></form>');
    const seen = listen(doc.body);
    expect(setFieldValue(doc.getElementById('f')!, 'x')).toBe(true);
    expect(seen).toEqual([
      { type: 'input', bubbles: true, composed: true, inputType: 'insertReplacementText' },
      { type: 'change', bubbles: true, composed: true },
    ]);
  });

  test('the events leave a shadow root the field is in', () => {
    const doc = page('<div id="host"></div>');
    const host = doc.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="inner">';
    const seen = listen(doc.body);
    expect(setFieldValue(root.getElementById('inner')!, 'x')).toBe(true);
    expect(seen.map((event) => event.type)).toEqual(['input', 'change']);
  });
});

describe('text fields', () => {
  test('a textarea keeps line breaks; a single-line input gets them as commas', () => {
    const doc = page('<textarea id="t"></textarea><input id="i">');
    const address = '12 Main St\nApt 4';
    expect(setFieldValue(doc.getElementById('t')!, address)).toBe(true);
    expect(readFieldValue(doc.getElementById('t')!)).toBe(address);
    expect(setFieldValue(doc.getElementById('i')!, address)).toBe(true);
    expect(readFieldValue(doc.getElementById('i')!)).toBe('12 Main St, Apt 4');
  });

  test('a value the input type rejects changes nothing and fires nothing', () => {
    const doc = page('<input id="d" type="date" value="2020-01-02">');
    const field = doc.getElementById('d')!;
    const seen = listen(field);
    expect(setFieldValue(field, 'next Tuesday')).toBe(false);
    expect(readFieldValue(field)).toBe('2020-01-02');
    expect(seen).toEqual([]);
    expect(setFieldValue(field, '1815-12-10')).toBe(true);
    expect(readFieldValue(field)).toBe('1815-12-10');
  });

  test('contenteditable gets its text replaced, lines as <br>, no markup parsed', () => {
    const doc = page('<div id="e" contenteditable><b>old</b> text</div>');
    const editor = doc.getElementById('e')!;
    const seen = listen(editor);
    expect(setFieldValue(editor, 'Dear team,\n<i>hello</i>')).toBe(true);
    expect(editor.innerHTML).toBe('Dear team,<br>&lt;i&gt;hello&lt;/i&gt;');
    expect(seen.map((event) => event.type)).toEqual(['input']);
  });

  test('passwords, checkboxes and plain elements are not written into', () => {
    const doc = page('<input id="p" type="password"><input id="c" type="checkbox"><div id="d">x</div>');
    for (const id of ['p', 'c', 'd']) {
      expect(setFieldValue(doc.getElementById(id)!, 'secret')).toBe(false);
      expect(readFieldValue(doc.getElementById(id)!)).toBeNull();
    }
    expect(setFieldValue(doc.createElement('input'), '')).toBe(false);
  });
});

test('what counts as empty', () => {
  const doc = page(`
    <input id="blank" value="  "><input id="full" value="x"><div id="ce" contenteditable> </div>
    <select id="placeholder"><option value="">Choose…</option><option value="DE">Germany</option></select>
    <select id="disabled-first"><option disabled selected>Country</option><option>France</option></select>
    <select id="preset"><option value="US">United States</option><option value="DE">Germany</option></select>
    <select id="none"></select>`);
  const empty = (id: string) => isFieldEmpty(doc.getElementById(id)!);
  expect(empty('blank')).toBe(true);
  expect(empty('full')).toBe(false);
  expect(empty('ce')).toBe(true);
  expect(empty('placeholder')).toBe(true);
  expect(empty('disabled-first')).toBe(true);
  expect(empty('preset')).toBe(false);
  expect(empty('none')).toBe(true);
});
