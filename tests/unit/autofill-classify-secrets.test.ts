import { Window } from 'happy-dom';
import { afterEach, expect, test } from 'vitest';
import { classifyFields } from '@/lib/autofill';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function tokens(body: string): string[] {
  const w = new Window({ url: 'https://shop.example/' });
  windows.push(w);
  w.document.write(`<!doctype html><html lang="en"><body><form>${body}</form></body></html>`);
  return classifyFields(w.document as unknown as Document).map((field) => field.token);
}

test('a password input stays a password whatever its autocomplete says', () => {
  expect(tokens('<label>Email <input type="password" autocomplete="email"></label>')).toEqual(['current-password']);
  expect(tokens('<label>Name <input type="password" autocomplete="section-a shipping name"></label>')).toEqual([
    'current-password',
  ]);
});

test('a card, password or code token inside an invalid autocomplete value still counts', () => {
  expect(tokens('<input name="a" autocomplete="cc-number foo">')).toEqual(['cc-number']);
  expect(tokens('<input name="b" autocomplete="x one-time-code">')).toEqual(['one-time-code']);
  expect(tokens('<input name="c" autocomplete="new-password bogus">')).toEqual(['new-password']);
  // Without a secret word, an invalid value is ignored and the label decides.
  expect(tokens('<label>Email <input autocomplete="bogus email x"></label>')).toEqual(['email']);
});
