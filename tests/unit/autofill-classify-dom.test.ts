import { afterEach, expect, test } from 'vitest';
import type { Window } from 'happy-dom';
import { classifyFields } from '@/lib/autofill/classify';
import { isSecretToken } from '@/lib/autofill/types';
import { attachDeclarativeShadowRoots, fixtureFiles, loadFixture, openPage } from '../bench/autofill-classify';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function page(body: string, lang = 'en'): Document {
  const { window, document } = openPage(`<!doctype html><html lang="${lang}"><body>${body}</body></html>`);
  windows.push(window);
  return document;
}

const ids = (root: Document | Element | ShadowRoot) => classifyFields(root).map((f) => f.element.id);

test('only fillable controls, in document order, visible or not', () => {
  const doc = page(`
    <input id="a"><input id="h" type="hidden"><input type="submit"><input type="checkbox"><input type="radio">
    <input type="file"><input type="range"><input type="color"><input type="button"><input type="reset"><input type="image">
    <div style="display:none"><select id="b"><option>x</option></select></div>
    <textarea id="c" hidden></textarea><input id="d" type="weird"><input id="e" type="number"><button id="z">Go</button>`);
  expect(ids(doc)).toEqual(['a', 'b', 'c', 'd', 'e']);
});

test('an editor counts once: nested editing hosts are its content, contenteditable=false is none', () => {
  const doc = page(`
    <div id="outer" contenteditable="true"><p>x</p><div contenteditable>inner</div><input id="in-editor"></div>
    <div contenteditable="false">no</div><span id="plain" contenteditable="plaintext-only"></span>
    <div contenteditable="false"><div id="island" contenteditable>yes</div></div>`);
  expect(ids(doc)).toEqual(['outer', 'plain', 'island']);
});

test('open shadow roots are classified in place, nested ones too; frames are not entered', () => {
  const doc = page(
    '<input id="before"><div id="host"></div><iframe srcdoc="<input id=framed>"></iframe><input id="after">',
  );
  const outer = doc.getElementById('host')!.attachShadow({ mode: 'open' });
  outer.innerHTML = '<input id="s1"><span id="inner-host"></span><input id="s3">';
  outer.getElementById('inner-host')!.attachShadow({ mode: 'open' }).innerHTML = '<textarea id="s2"></textarea>';
  expect(ids(doc)).toEqual(['before', 's1', 's2', 's3', 'after']);
  // A closed root is the page's own; only a caller with access could classify it.
  const closed = doc.getElementById('after')!.parentElement!.appendChild(doc.createElement('div'));
  closed.attachShadow({ mode: 'closed' }).innerHTML = '<input id="hidden-away">';
  expect(ids(doc)).not.toContain('hidden-away');
});

test('an element or a shadow root can be the root, the element itself included', () => {
  const doc = page('<form id="f"><input id="a"></form><input id="b"><div id="e" contenteditable></div>');
  expect(ids(doc.getElementById('f')!)).toEqual(['a']);
  expect(ids(doc.getElementById('e')!)).toEqual(['e']);
  const root = doc
    .getElementById('b')!
    .parentElement!.appendChild(doc.createElement('div'))
    .attachShadow({ mode: 'open' });
  root.innerHTML = '<label for="z">Email</label><input id="z">';
  expect(classifyFields(root).map((f) => f.token)).toEqual(['email']);
});

test('the declarative shadow roots of the fixtures are attached by the loader (happy-dom does not)', () => {
  const doc = page('<div id="h"><template shadowrootmode="open"><input id="x"></template></div>');
  expect(doc.getElementById('h')!.shadowRoot).toBeNull();
  expect(attachDeclarativeShadowRoots(doc)).toBe(1);
  expect(ids(doc)).toEqual(['x']);
});

test('card, password and one-time-code fields are detected as secrets, in four languages', () => {
  const doc = page(`<form>
    <input type="password" id="p1"><input aria-label="Card number" id="c1"><input aria-label="CVV" id="c2">
    <input aria-label="Kartennummer" id="c3"><input aria-label="Numéro de carte" id="c4">
    <input aria-label="Código de seguridad" id="c5"><input aria-label="Name on card" id="c6">
    <input aria-label="Expiry date" id="c7"><input aria-label="Enter your one-time code" id="o1">
    <input name="otp" id="o2"><input aria-label="Bestätigungscode" id="o3"><input aria-label="Passwort" id="p2">
    <input autocomplete="cc-number" aria-label="City" id="a1"><input autocomplete="one-time-code" id="a2">
  </form>`);
  const fields = classifyFields(doc);
  expect(fields.filter((f) => !isSecretToken(f.token)).map((f) => f.element.id)).toEqual([]);
  // Two bare passwords in one form: a password and its confirmation, so both are new.
  expect(fields.map((f) => f.token)).toEqual([
    'new-password',
    'cc-number',
    'cc-csc',
    'cc-number',
    'cc-number',
    'cc-csc',
    'cc-name',
    'cc-exp',
    'one-time-code',
    'one-time-code',
    'one-time-code',
    'new-password',
    'cc-number',
    'one-time-code',
  ]);
});

test('sections: the autocomplete word, then the field’s own words, containers, legends and headings', () => {
  const doc = page(`<form>
    <input id="a" autocomplete="billing street-address" aria-label="Lieferadresse">
    <input id="b" name="shipping[city]">
    <fieldset><legend>Rechnungsadresse</legend><input id="c" aria-label="Ort"></fieldset>
    <div class="livraison"><input id="d" aria-label="Ville"></div>
    <section><h3>Datos de facturación</h3><div><input id="e" aria-label="Ciudad"></div></section>
    <section><input id="f" aria-label="City"></section>
    <h2>Shipping &amp; billing</h2><input id="g" aria-label="City">
  </form>`);
  expect(classifyFields(doc).map((f) => `${f.element.id}:${f.section}`)).toEqual([
    'a:billing',
    'b:shipping',
    'c:billing',
    'd:shipping',
    'e:billing',
    'f:other',
    'g:other',
  ]);
});

test('data-expect is removed before classifying and never read by the classifier', () => {
  const file = fixtureFiles()[0]!;
  const { window, document, expected } = loadFixture(file);
  windows.push(window);
  expect(expected.size).toBeGreaterThan(0);
  expect(document.querySelector('[data-expect], [data-expect-section]')).toBeNull();
  // A lying expectation changes nothing: the label decides.
  const doc = page('<label for="x">City</label><input id="x" data-expect="email" data-expect-section="billing">');
  expect(classifyFields(doc).map((f) => [f.token, f.section])).toEqual([['address-level2', 'other']]);
});

test('a 200-field form is classified in one pass, not once per field', () => {
  const rows = Array.from({ length: 200 }, (_, i) => `<label for="f${i}">Email ${i}</label><input id="f${i}">`);
  const doc = page(`<form>${rows.join('')}</form>`);
  const start = performance.now();
  expect(classifyFields(doc)).toHaveLength(200);
  // Generous for a shared CI machine; the bench reports the real figure.
  expect(performance.now() - start).toBeLessThan(2000);
});
