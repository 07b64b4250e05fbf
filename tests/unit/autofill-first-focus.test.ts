/**
 * Issue 13: the one listener every page gets. Only the first trusted focus of a fillable field
 * asks for the suggestions UI, once.
 *
 * happy-dom has no `isTrusted` (its events, focus() included, have none, so they count as
 * untrusted); a trusted focus is simulated by defining `isTrusted: true` on the event, as a
 * browser sets it on the events it dispatches itself.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closePagesAfterEach, page } from './helpers/autofill-dom';
import { isFillableTarget, watchFirstFocus } from '@/lib/page/first-focus';

closePagesAfterEach();

let sent: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((message) => {
    sent.push(message);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A page whose classes are also the globals `isFillableTarget` checks against (Node has none). */
function pageWith(body: string): Document {
  const doc = page(body);
  const view = doc.defaultView!;
  vi.stubGlobal('HTMLElement', view.HTMLElement);
  vi.stubGlobal('HTMLInputElement', view.HTMLInputElement);
  vi.stubGlobal('HTMLSelectElement', view.HTMLSelectElement);
  vi.stubGlobal('HTMLTextAreaElement', view.HTMLTextAreaElement);
  return doc;
}

/** A focusin on `target` as the browser dispatches it when the user focuses a field. */
function trustedFocus(target: Element): void {
  const view = target.ownerDocument.defaultView!;
  const event = new view.FocusEvent('focusin', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** Lets the sendMessage promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('isFillableTarget', () => {
  test.each([
    ['a text input', '<input id="x">'],
    ['an email input', '<input id="x" type="email">'],
    ['a tel input', '<input id="x" type="tel">'],
    ['a search input', '<input id="x" type="search">'],
    ['a date input', '<input id="x" type="date">'],
    ['an input of an unknown type (a text input)', '<input id="x" type="shoe">'],
    ['a textarea', '<textarea id="x"></textarea>'],
    ['a select', '<select id="x"><option>a</option></select>'],
    ['a contenteditable element', '<div id="x" contenteditable="true"></div>'],
    ['a plaintext-only editor', '<div id="x" contenteditable="plaintext-only"></div>'],
    ['an element inside an editor', '<div contenteditable="true"><p id="x">hi</p></div>'],
  ])('%s counts', (_name, body) => {
    const doc = pageWith(body);
    expect(isFillableTarget(doc.getElementById('x'))).toBe(true);
  });

  test.each([
    ['a button', '<button id="x">Go</button>'],
    ['a checkbox', '<input id="x" type="checkbox">'],
    ['a radio button', '<input id="x" type="radio">'],
    ['a hidden input', '<input id="x" type="hidden">'],
    ['a HIDDEN input', '<input id="x" type="HIDDEN">'],
    ['a submit input', '<input id="x" type="submit">'],
    ['a button input', '<input id="x" type="button">'],
    ['a reset input', '<input id="x" type="reset">'],
    ['an image input', '<input id="x" type="image">'],
    ['a file input', '<input id="x" type="file">'],
    ['a range input', '<input id="x" type="range">'],
    ['a color input', '<input id="x" type="color">'],
    ['a plain div', '<div id="x" tabindex="0"></div>'],
    ['a link', '<a id="x" href="#">x</a>'],
    ['an element not editable', '<div id="x" contenteditable="false"></div>'],
  ])('%s does not count', (_name, body) => {
    const doc = pageWith(body);
    expect(isFillableTarget(doc.getElementById('x'))).toBe(false);
  });

  test('nothing, a document or a text node does not count', () => {
    const doc = pageWith('<p id="x">text</p>');
    expect(isFillableTarget(null)).toBe(false);
    expect(isFillableTarget(undefined)).toBe(false);
    expect(isFillableTarget(doc)).toBe(false);
    expect(isFillableTarget(doc.getElementById('x')!.firstChild)).toBe(false);
  });
});

describe('watchFirstFocus', () => {
  test('happy-dom’s own focus events are untrusted, and send nothing', async () => {
    const doc = pageWith('<input id="email" type="email">');
    const input = doc.getElementById('email')!;
    const seen: boolean[] = [];
    doc.addEventListener('focusin', (event) => seen.push(event.isTrusted === true), true);
    watchFirstFocus(doc, fakeBrowser.runtime);
    input.focus();
    input.dispatchEvent(new doc.defaultView!.FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(seen).toEqual([false, false]);
    expect(sent).toEqual([]);
  });

  test('the first trusted focus of a fillable field sends one autofill/start; later focuses send nothing', async () => {
    const doc = pageWith('<input id="email" type="email"><textarea id="why"></textarea>');
    watchFirstFocus(doc, fakeBrowser.runtime);
    trustedFocus(doc.getElementById('email')!);
    await settle();
    expect(sent).toEqual([{ type: 'autofill/start' }]);
    trustedFocus(doc.getElementById('why')!);
    trustedFocus(doc.getElementById('email')!);
    await settle();
    expect(sent).toEqual([{ type: 'autofill/start' }]);
  });

  test('a trusted focus of a button or checkbox sends nothing and keeps listening', async () => {
    const doc = pageWith('<button id="go">Go</button><input id="agree" type="checkbox"><select id="country"></select>');
    watchFirstFocus(doc, fakeBrowser.runtime);
    trustedFocus(doc.getElementById('go')!);
    trustedFocus(doc.getElementById('agree')!);
    await settle();
    expect(sent).toEqual([]);
    trustedFocus(doc.getElementById('country')!);
    await settle();
    expect(sent).toEqual([{ type: 'autofill/start' }]);
  });

  test('an untrusted focus first does not use up the one message', async () => {
    const doc = pageWith('<input id="email">');
    const input = doc.getElementById('email')!;
    watchFirstFocus(doc, fakeBrowser.runtime);
    input.focus();
    await settle();
    expect(sent).toEqual([]);
    trustedFocus(input);
    await settle();
    expect(sent).toEqual([{ type: 'autofill/start' }]);
  });

  test('a field in an open shadow root counts (seen through composedPath)', async () => {
    const doc = pageWith('<div id="host"></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div contenteditable="true" id="editor"></div>';
    watchFirstFocus(doc, fakeBrowser.runtime);
    trustedFocus(root.getElementById('editor')!);
    await settle();
    expect(sent).toEqual([{ type: 'autofill/start' }]);
  });

  test('a failed send (no background) is swallowed', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    const doc = pageWith('<input id="email">');
    watchFirstFocus(doc, {
      sendMessage: () => Promise.reject(new Error('Could not establish connection.')),
    });
    trustedFocus(doc.getElementById('email')!);
    await settle();
    expect(sent).toEqual([]);
  });
});
