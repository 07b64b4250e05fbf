/** Issue 12: a page asking for a password, a card or a one-time code is never remembered; this is how it is told. */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, test } from 'vitest';
import { extractPage, hasSecretFields } from '@/lib/extract';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function doc(body: string): Document {
  const w = new Window({ url: 'https://shop.example/' });
  windows.push(w);
  w.document.write(`<!doctype html><title>T</title><body><p>Some text to read on this page.</p>${body}</body>`);
  return w.document as unknown as Document;
}

describe('hasSecretFields', () => {
  test.each([
    ['a password input', '<input type="password" name="p">'],
    ['a password input in capitals', '<input type="PASSWORD">'],
    ['autocomplete current-password', '<input autocomplete="username current-password">'],
    ['autocomplete new-password', '<input type="text" autocomplete="new-password">'],
    ['a one-time code', '<input autocomplete="one-time-code" inputmode="numeric">'],
    ['a card number by token', '<input autocomplete="cc-number">'],
    ['a card expiry by section token', '<input autocomplete="section-pay billing cc-exp">'],
    ['a CVC by name only', '<input name="cvc">'],
    ['a card number by id', '<input id="cardNumber">'],
    ['an OTP by label', '<input aria-label="Enter OTP">'],
    ['a card number by placeholder', '<input placeholder="Card number">'],
  ])('%s', (_name, html) => {
    expect(hasSecretFields(doc(html))).toBe(true);
  });

  test.each([
    ['a search box', '<input type="search" name="q">'],
    ['an email field', '<input type="email" autocomplete="email">'],
    ['a card game page', '<input name="player" placeholder="Your name">'],
    ['no fields at all', ''],
  ])('not %s', (_name, html) => {
    expect(hasSecretFields(doc(html))).toBe(false);
  });

  test('a password field inside a shadow root counts', () => {
    const d = doc('<div id="host"></div>');
    const root = d.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input type="password">';
    expect(hasSecretFields(d)).toBe(true);
  });

  test('extractPage reports it with the page', () => {
    expect(extractPage(doc('<input type="password">'), { mode: 'page' }).secretFields).toBe(true);
    expect(extractPage(doc(''), { mode: 'page' }).secretFields).toBe(false);
  });
});
