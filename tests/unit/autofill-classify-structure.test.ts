import { afterEach, expect, test } from 'vitest';
import type { Window } from 'happy-dom';
import { classifyFields, sniffSelect } from '@/lib/autofill/classify';
import type { ClassifiedField } from '@/lib/autofill/types';
import { openPage } from '../bench/autofill-classify';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function page(body: string, lang = 'en'): Document {
  const { window, document } = openPage(`<!doctype html><html lang="${lang}"><body>${body}</body></html>`);
  windows.push(window);
  return document;
}

function tokens(body: string, lang = 'en'): string[] {
  return classifyFields(page(body, lang)).map((f) => f.token);
}

function reasons(body: string): (ClassifiedField['reason'] | string)[] {
  return classifyFields(page(body)).map((f) => `${f.token}:${f.reason}`);
}

const options = (items: string[]) => items.map((o) => `<option>${o}</option>`).join('');

test('three phone boxes of 3, 3 and 4 are area code, prefix and line number', () => {
  expect(
    reasons(`<form><label for="a">Phone</label>
      <input id="a" maxlength="3"> <input maxlength="3"> - <input maxlength="4"></form>`),
  ).toEqual(['tel-area-code:structure', 'tel-local-prefix:structure', 'tel-local-suffix:structure']);
});

test('a short box then a long one: area code and local number, or country code after "+"', () => {
  expect(tokens('<form><label for="a">Telefon</label><input id="a" maxlength="4"><input type="tel"></form>')).toEqual([
    'tel-area-code',
    'tel-local',
  ]);
  expect(
    tokens('<form><label for="a">Phone</label> + <input id="a" maxlength="3"><input maxlength="12"></form>'),
  ).toEqual(['tel-country-code', 'tel-national']);
  expect(tokens('<form><input type="tel" placeholder="+1" maxlength="4"><input type="tel"></form>')).toEqual([
    'tel-country-code',
    'tel-national',
  ]);
});

test('a dialling code select before a phone box is the country code, even when labelled Country', () => {
  const dial = options(['Germany (+49)', 'France (+33)', 'Spain (+34)', 'Ireland (+353)']);
  expect(
    tokens(`<form><select aria-label="Country">${dial}</select><input type="tel" aria-label="Number"></form>`),
  ).toEqual(['tel-country-code', 'tel-national']);
});

test('two full phone fields in a row stay phones', () => {
  expect(
    tokens('<form><label for="a">Phone</label><input id="a"><label for="b">Mobile</label><input id="b"></form>'),
  ).toEqual(['tel', 'tel']);
});

test('address fields in a row are lines 1, 2 and 3, by count', () => {
  expect(
    reasons(`<form><label for="a">Address</label><div><input id="a"><input><input></div>
      <label for="c">City</label><input id="c"></form>`),
  ).toEqual([
    'address-line1:heuristic',
    'address-line2:structure',
    'address-line3:structure',
    'address-level2:heuristic',
  ]);
  expect(
    tokens('<form><input aria-label="Street"><input aria-label="Street"><input aria-label="Postcode"></form>'),
  ).toEqual(['address-line1', 'address-line2', 'postal-code']);
  // A lone address box is line 1; a textarea is the whole street address.
  expect(tokens('<form><input aria-label="Address"></form>')).toEqual(['address-line1']);
  expect(tokens('<form><textarea aria-label="Address"></textarea></form>')).toEqual(['street-address']);
});

test('name sequences: a bare Name with blank boxes, twin Name boxes, and Name next to a given or family name', () => {
  expect(tokens('<form><label for="n">Name</label><span><input id="n"><input></span></form>')).toEqual([
    'given-name',
    'family-name',
  ]);
  expect(tokens('<form><label for="n">Name</label><span><input id="n"><input><input></span></form>')).toEqual([
    'given-name',
    'additional-name',
    'family-name',
  ]);
  expect(tokens('<form><div><input aria-label="Name"><input aria-label="Name"></div></form>')).toEqual([
    'given-name',
    'family-name',
  ]);
  expect(tokens('<form><input aria-label="Vorname"><input aria-label="Name"></form>', 'de')).toEqual([
    'given-name',
    'family-name',
  ]);
  expect(tokens('<form><input aria-label="Nombre"><input aria-label="Apellidos"></form>', 'es')).toEqual([
    'given-name',
    'family-name',
  ]);
  // "Full name" is explicit, and a bare Name alone is the full name.
  expect(tokens('<form><input aria-label="Full name"><input aria-label="Last name"></form>')).toEqual([
    'name',
    'family-name',
  ]);
  expect(tokens('<form><input aria-label="Name"><input aria-label="Email"></form>')).toEqual(['name', 'email']);
});

test('country selects are found by their option names in our languages, or by ISO codes', () => {
  const doc = page(`
    <select id="en">${options(['Austria', 'Belgium', 'Germany', 'France', 'Other'])}</select>
    <select id="de" lang="de">${options(['Deutschland', 'Österreich', 'Schweiz', 'Frankreich'])}</select>
    <select id="fr" lang="fr">${options(['Allemagne', 'Belgique', 'Royaume-Uni', 'Espagne'])}</select>
    <select id="codes">${options(['AT', 'BE', 'DE', 'FR', 'GB', 'US'])}</select>
    <select id="values" lang="nl"><option value="DE">Duitsland</option><option value="FR">Frankrijk</option><option value="IT">Italië</option></select>
    <select id="none">${options(['Red', 'Green', 'Blue'])}</select>`);
  const shape = (id: string) => sniffSelect(doc.getElementById(id)!)?.shape ?? null;
  expect(['en', 'de', 'fr', 'codes', 'none'].map(shape)).toEqual(['country', 'country', 'country', 'country', null]);
  expect(shape('values')).toBe('country');
  expect(classifyFields(doc).map((f) => `${f.token}:${f.reason}`)[0]).toBe('country:structure');
});

test('state selects: US, Canadian and German names or codes, told apart from country codes', () => {
  const doc = page(`
    <select id="us">${options(['Alabama', 'Alaska', 'Georgia', 'New York', 'Texas'])}</select>
    <select id="us-codes">${options(['AL', 'AK', 'AZ', 'CA', 'CT', 'FL', 'NY', 'TX'])}</select>
    <select id="ca">${options(['Alberta', 'British Columbia', 'Ontario', 'Quebec'])}</select>
    <select id="de" lang="de">${options(['Bayern', 'Berlin', 'Hessen', 'Sachsen', 'Thüringen'])}</select>
    <select id="de-codes"><option value="DE-BY">BY</option><option value="DE-BE">BE</option><option value="DE-HH">HH</option><option value="DE-TH">TH</option></select>`);
  const shape = (id: string) => sniffSelect(doc.getElementById(id)!)?.shape ?? null;
  expect(['us', 'us-codes', 'ca', 'de', 'de-codes'].map(shape)).toEqual(Array(5).fill('address-level1'));
  // A "Country" label on a select of states is overruled by its options.
  expect(tokens(`<select aria-label="Country">${options(['Alabama', 'Alaska', 'Texas', 'Utah'])}</select>`)).toEqual([
    'address-level1',
  ]);
});

test('day, month and year selects are a birth date or a card expiry by their context or their years', () => {
  const days = options(Array.from({ length: 31 }, (_, i) => String(i + 1)));
  const months = options(Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')));
  const past = options(['1970', '1980', '1990', '2000', '2010']);
  const ahead = options(Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() + i)));
  expect(
    tokens(
      `<fieldset><legend>Geburtsdatum</legend><select>${days}</select><select>${months}</select><select>${past}</select></fieldset>`,
    ),
  ).toEqual(['bday-day', 'bday-month', 'bday-year']);
  expect(
    tokens(`<fieldset><legend>Valid thru</legend><select>${months}</select><select>${ahead}</select></fieldset>`),
  ).toEqual(['cc-exp-month', 'cc-exp-year']);
  // No context: the years say it, and the month goes with its year.
  expect(tokens(`<form><select>${months}</select><select>${ahead}</select></form>`)).toEqual([
    'cc-exp-month',
    'cc-exp-year',
  ]);
  expect(tokens(`<form><select>${months}</select><select>${past}</select></form>`)).toEqual([
    'bday-month',
    'bday-year',
  ]);
  expect(
    tokens(`<div class="dob"><input aria-label="DD"><input aria-label="MM"><input aria-label="YYYY"></div>`),
  ).toEqual(['bday-day', 'bday-month', 'bday-year']);
});

test('a bare password is new on a sign-up form or beside another password, else the current one', () => {
  expect(tokens('<form><input aria-label="Email"><input type="password"><button>Log in</button></form>')).toEqual([
    'email',
    'current-password',
  ]);
  expect(
    tokens('<form><input aria-label="Email"><input type="password"><button>Create account</button></form>'),
  ).toEqual(['email', 'new-password']);
  expect(tokens('<form><input type="password"><input type="password" aria-label="Confirm"></form>')).toEqual([
    'new-password',
    'new-password',
  ]);
  expect(
    tokens(
      '<form><input type="password" aria-label="Current password"><input type="password" aria-label="New password"></form>',
    ),
  ).toEqual(['current-password', 'new-password']);
});

test('an unlabelled box just before the password is the user name', () => {
  expect(reasons('<form><input name="q1"><input type="password"></form>')).toEqual([
    'username:structure',
    'current-password:heuristic',
  ]);
});
