import { afterEach, expect, test } from 'vitest';
import type { Window } from 'happy-dom';
import { classifyFields, inferLabel } from '@/lib/autofill/classify';
import { openPage } from '../bench/autofill-classify';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function page(body: string, lang = 'en'): Document {
  const { window, document } = openPage(
    `<!doctype html><html lang="${lang}"><head><title>T</title></head><body>${body}</body></html>`,
  );
  windows.push(window);
  return document;
}

function labelOf(body: string, selector = '#x'): string {
  const doc = page(body);
  return inferLabel(doc.querySelector(selector)!);
}

test('label[for] wins over every other source, and several labels are joined', () => {
  expect(labelOf('<label for="x">Email</label><input id="x" aria-label="Other" placeholder="p">')).toBe('Email');
  expect(labelOf('<label for="x">Phone</label><p>note</p><label for="x">(mobile)</label><input id="x">')).toBe(
    'Phone (mobile)',
  );
});

test('a wrapping label counts without the control, its options or buttons', () => {
  expect(labelOf('<label>  Country\n <select id="x"><option>Germany</option></select></label>')).toBe('Country');
  expect(labelOf('<label>Password <input id="x" type="password"><button>Show</button></label>')).toBe('Password');
  // A wrapping label that is for another control is not this one's.
  expect(labelOf('<input id="y"><label for="y">Other <input id="x" placeholder="Mine"></label>')).toBe('Mine');
});

test('aria-labelledby joins the referenced texts in order; aria-label comes next', () => {
  expect(labelOf('<span id="a">Postal</span><span id="b">code</span><input id="x" aria-labelledby="b a">')).toBe(
    'code Postal',
  );
  expect(labelOf('<input id="x" aria-label="  Town   or city ">')).toBe('Town or city');
  expect(labelOf('<input id="x" aria-labelledby="missing" aria-label="Fallback">')).toBe('Fallback');
});

test('placeholder, then title, then the text before the field', () => {
  expect(labelOf('Name <input id="x" placeholder="Full name">')).toBe('Full name');
  expect(labelOf('<input id="x" title="Vorname">')).toBe('Vorname');
  expect(labelOf('<p>City: <input id="x"></p>')).toBe('City');
  expect(labelOf('<div><span>Street *</span><div><input id="x"></div></div>')).toBe('Street');
});

test('table cells, definition lists and contenteditable editors', () => {
  expect(labelOf('<table><tr><td>First name</td><td><input id="x"></td></tr></table>')).toBe('First name');
  expect(labelOf('<table><tr><th>Surname</th><td><span><input id="x"></span></td></tr></table>')).toBe('Surname');
  expect(labelOf('<dl><dt>E-Mail</dt><dd><input id="x"></dd></dl>')).toBe('E-Mail');
  expect(labelOf('<p>Describe the bug</p><div id="x" contenteditable>typed text</div>')).toBe('Describe the bug');
});

test('the previous text stops at another control, a heading or another field’s label', () => {
  expect(labelOf('<label for="a">Phone</label> (<input id="a">) <input id="x">')).toBe('');
  expect(labelOf('<h2>Shipping address</h2><input id="x">')).toBe('');
  expect(labelOf('<label for="a">Email</label><input id="x">')).toBe('');
  expect(labelOf('<table><tr><td>Header row</td></tr><tr><td><input id="x"></td></tr></table>')).toBe('');
});

test('labels of only punctuation are no labels; a select’s empty first option is the last resort', () => {
  expect(labelOf('<span>–</span><input id="x">')).toBe('');
  expect(labelOf('<select id="x"><option value="">Choose a country</option><option>DE</option></select>')).toBe(
    'Choose a country',
  );
});

test('label[for] is looked up in the field’s own root, not across a shadow boundary', () => {
  const doc = page('<label for="x">Outside</label><div id="host"></div>');
  const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
  root.innerHTML = '<label for="x">Inside</label><input id="x">';
  expect(inferLabel(root.querySelector('input')!)).toBe('Inside');
});

test('classifyFields reports the inferred label of each field', () => {
  const doc = page('<form><label for="e">Email *</label><input id="e"><p>Why us?</p><textarea></textarea></form>');
  expect(classifyFields(doc).map((f) => f.label)).toEqual(['Email', 'Why us?']);
});
