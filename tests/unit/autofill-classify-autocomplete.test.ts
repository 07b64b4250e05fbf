import { afterEach, expect, test } from 'vitest';
import type { Window } from 'happy-dom';
import { classifyFields, parseAutocomplete } from '@/lib/autofill/classify';
import { openPage } from '../bench/autofill-classify';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function fields(body: string) {
  const { window, document } = openPage(`<!doctype html><html lang="en"><body>${body}</body></html>`);
  windows.push(window);
  return classifyFields(document);
}

test('valid details parse into token, section, group and contact kind', () => {
  expect(parseAutocomplete('email')).toEqual({
    token: 'email',
    section: null,
    group: null,
    contact: null,
    webauthn: false,
  });
  expect(parseAutocomplete('section-gift shipping home tel')).toEqual({
    token: 'tel',
    section: 'shipping',
    group: 'gift',
    contact: 'home',
    webauthn: false,
  });
  expect(parseAutocomplete('  BILLING   Postal-Code ')).toMatchObject({ token: 'postal-code', section: 'billing' });
  expect(parseAutocomplete('work email webauthn')).toMatchObject({ token: 'email', contact: 'work', webauthn: true });
  expect(parseAutocomplete('username webauthn')).toMatchObject({ token: 'username', webauthn: true });
  expect(parseAutocomplete('section-a billing cc-number')).toMatchObject({ token: 'cc-number', group: 'a' });
});

test('on, off, empty, made-up and misordered values are not valid details', () => {
  for (const value of [
    '',
    'on',
    'off',
    'nope',
    'false',
    'email off',
    'billing section-a email',
    'home name',
    'shipping',
    'section-x',
  ]) {
    expect(parseAutocomplete(value), value).toBeNull();
  }
  expect(parseAutocomplete(null)).toBeNull();
  expect(parseAutocomplete('section- email')).toBeNull();
});

test('valid names we have no token for are unknown; a fax or pager number is never the phone', () => {
  expect(parseAutocomplete('nickname')?.token).toBe('unknown');
  expect(parseAutocomplete('fax tel')).toMatchObject({ token: 'unknown', contact: 'fax' });
  expect(parseAutocomplete('pager tel-national')?.token).toBe('unknown');
  expect(parseAutocomplete('mobile tel')?.token).toBe('tel');
  // A card holder's middle name is card data: kept secret.
  expect(parseAutocomplete('cc-additional-name')?.token).toBe('cc-name');
});

test('the attribute decides before any label, and an invalid one falls through to heuristics', () => {
  const [declared, invalid, nickname, off] = fields(`
    <label for="a">City</label><input id="a" autocomplete="shipping postal-code">
    <label for="b">City</label><input id="b" autocomplete="city-name">
    <label for="c">Name</label><input id="c" autocomplete="nickname">
    <label for="d">Email</label><input id="d" autocomplete="off">`);
  expect(declared).toMatchObject({ token: 'postal-code', reason: 'autocomplete', section: 'shipping' });
  expect(invalid).toMatchObject({ token: 'address-level2', reason: 'heuristic', section: 'other' });
  // The page said what it is; no guess overrides that.
  expect(nickname).toMatchObject({ token: 'unknown', reason: null });
  expect(off).toMatchObject({ token: 'email', reason: 'heuristic' });
});

test('structure never overrides a declared token, nor guesses around a contradicting one', () => {
  const names = fields(`<form><label for="n">Name</label><input id="n" autocomplete="name"><input></form>`);
  expect(names.map((f) => f.token)).toEqual(['name', 'unknown']);
  // The page calls a 3-character box the whole number: the boxes after it are left as phones.
  const phones = fields(`<form>
    <label for="p">Phone</label><input id="p" type="tel" maxlength="3" autocomplete="tel">
    <input type="tel" maxlength="3"><input type="tel" maxlength="4"></form>`);
  expect(phones.map((f) => [f.token, f.reason])).toEqual([
    ['tel', 'autocomplete'],
    ['tel', 'heuristic'],
    ['tel', 'heuristic'],
  ]);
  const parts = fields(`<form>
    <input autocomplete="tel-area-code" maxlength="3"><input type="tel" maxlength="3"><input type="tel" maxlength="4">
  </form>`);
  expect(parts.map((f) => [f.token, f.reason])).toEqual([
    ['tel-area-code', 'autocomplete'],
    ['tel-local-prefix', 'structure'],
    ['tel-local-suffix', 'structure'],
  ]);
});
