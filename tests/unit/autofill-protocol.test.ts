/** Issue 13: every message from the in-page autofill UI is checked before the background acts on it. */
import { describe, expect, test } from 'vitest';
import {
  MAX_AUTOFILL_FIELDS,
  MAX_AUTOFILL_TEXT,
  parseAutofillRequest,
  parseDraftClientMessage,
  type AutofillRequest,
} from '@/lib/messaging';

/** An offer id as the background makes them. */
const ID = '0b6e2f4c-9a51-4d3e-8c7a-2f1d5e6b7a80';

describe('parseAutofillRequest accepts each request in its exact shape', () => {
  const requests: [string, AutofillRequest][] = [
    ['start', { type: 'autofill/start' }],
    ['suggest', { type: 'autofill/suggest', tokens: ['email', 'given-name', 'tel-area-code'] }],
    ['suggest with no tokens', { type: 'autofill/suggest', tokens: [] }],
    [
      'values',
      {
        type: 'autofill/values',
        profileId: 'p-1',
        fields: [{ token: 'email' }, { token: 'tel-local', maxLength: 7 }],
      },
    ],
    ['site-off', { type: 'autofill/site-off' }],
    ['submitted', { type: 'autofill/submitted', values: [{ token: 'email', value: 'ada@example.org' }] }],
    ['offer', { type: 'autofill/offer' }],
    ['offer-answer save', { type: 'autofill/offer-answer', offerId: ID, answer: 'save' }],
    ['offer-answer dismiss', { type: 'autofill/offer-answer', offerId: ID, answer: 'dismiss' }],
    ['offer-answer never', { type: 'autofill/offer-answer', offerId: ID, answer: 'never' }],
    [
      'offer-answer with a 100-character offerId',
      { type: 'autofill/offer-answer', offerId: 'o'.repeat(100), answer: 'save' },
    ],
  ];

  test.each(requests)('%s', (_name, request) => {
    expect(parseAutofillRequest(request)).toStrictEqual(request);
  });

  test('a maxLength left undefined is dropped, not passed on', () => {
    const parsed = parseAutofillRequest({
      type: 'autofill/values',
      profileId: 'p',
      fields: [{ token: 'email', maxLength: undefined }],
    });
    // toStrictEqual: a `maxLength: undefined` key would not match.
    expect(parsed).toStrictEqual({ type: 'autofill/values', profileId: 'p', fields: [{ token: 'email' }] });
  });

  test('lists of exactly MAX_AUTOFILL_FIELDS entries and values of exactly MAX_AUTOFILL_TEXT characters pass', () => {
    const tokens = Array.from({ length: MAX_AUTOFILL_FIELDS }, () => 'email');
    expect(parseAutofillRequest({ type: 'autofill/suggest', tokens })).not.toBeNull();
    const value = 'x'.repeat(MAX_AUTOFILL_TEXT);
    expect(parseAutofillRequest({ type: 'autofill/submitted', values: [{ token: 'name', value }] })).not.toBeNull();
  });
});

describe('parseAutofillRequest refuses anything else', () => {
  const over = MAX_AUTOFILL_FIELDS + 1;
  const refused: [string, unknown][] = [
    ['a non-object', 'autofill/start'],
    ['null', null],
    ['an array', [{ type: 'autofill/start' }]],
    ['no type', { tokens: ['email'] }],
    ['a non-string type', { type: 7 }],
    ['an unknown type', { type: 'autofill/fill' }],
    ['a type of another feature', { type: 'engine/ensure' }],
    ['start with an extra key', { type: 'autofill/start', tabId: 3 }],
    ['site-off with an extra key', { type: 'autofill/site-off', site: 'evil.example' }],
    ['offer with an extra key', { type: 'autofill/offer', tabId: 1 }],
    ['suggest with an extra key', { type: 'autofill/suggest', tokens: ['email'], all: true }],
    ['suggest without tokens', { type: 'autofill/suggest' }],
    ['suggest with tokens not a list', { type: 'autofill/suggest', tokens: 'email' }],
    ['suggest for a card number', { type: 'autofill/suggest', tokens: ['email', 'cc-number'] }],
    ['suggest for a new password', { type: 'autofill/suggest', tokens: ['new-password'] }],
    ['suggest for a current password', { type: 'autofill/suggest', tokens: ['current-password'] }],
    ['suggest for a one-time code', { type: 'autofill/suggest', tokens: ['one-time-code'] }],
    ['suggest for "unknown"', { type: 'autofill/suggest', tokens: ['unknown'] }],
    ['suggest for a made-up token', { type: 'autofill/suggest', tokens: ['shoe-size'] }],
    ['suggest for a non-string token', { type: 'autofill/suggest', tokens: [1] }],
    ['suggest for too many tokens', { type: 'autofill/suggest', tokens: Array.from({ length: over }, () => 'email') }],
    ['values with an extra key', { type: 'autofill/values', profileId: 'p', fields: [], all: true }],
    ['values without a profile', { type: 'autofill/values', fields: [{ token: 'email' }] }],
    ['values with a numeric profileId', { type: 'autofill/values', profileId: 1, fields: [] }],
    ['values with an object profileId', { type: 'autofill/values', profileId: { id: 'p' }, fields: [] }],
    ['values with a 101-character profileId', { type: 'autofill/values', profileId: 'p'.repeat(101), fields: [] }],
    ['values with fields not a list', { type: 'autofill/values', profileId: 'p', fields: { token: 'email' } }],
    ['values with a field not an object', { type: 'autofill/values', profileId: 'p', fields: ['email'] }],
    ['values with an extra field key', { type: 'autofill/values', profileId: 'p', fields: [{ token: 'email', x: 1 }] }],
    ['values for a card number', { type: 'autofill/values', profileId: 'p', fields: [{ token: 'cc-number' }] }],
    ['values for a new password', { type: 'autofill/values', profileId: 'p', fields: [{ token: 'new-password' }] }],
    ['values for a one-time code', { type: 'autofill/values', profileId: 'p', fields: [{ token: 'one-time-code' }] }],
    ['values for "unknown"', { type: 'autofill/values', profileId: 'p', fields: [{ token: 'unknown' }] }],
    ['values for a made-up token', { type: 'autofill/values', profileId: 'p', fields: [{ token: 'hobby' }] }],
    [
      'values for too many fields',
      { type: 'autofill/values', profileId: 'p', fields: Array.from({ length: over }, () => ({ token: 'email' })) },
    ],
    ['submitted with an extra key', { type: 'autofill/submitted', values: [], url: 'https://x.example/' }],
    ['submitted with values not a list', { type: 'autofill/submitted', values: 'ada' }],
    [
      'submitted with an extra item key',
      { type: 'autofill/submitted', values: [{ token: 'email', value: 'a', x: 1 }] },
    ],
    ['submitted with a non-string value', { type: 'autofill/submitted', values: [{ token: 'email', value: 5 }] }],
    ['submitted without a value', { type: 'autofill/submitted', values: [{ token: 'email' }] }],
    ['submitted for a card number', { type: 'autofill/submitted', values: [{ token: 'cc-number', value: '4111' }] }],
    ['submitted for a new password', { type: 'autofill/submitted', values: [{ token: 'new-password', value: 'pw' }] }],
    ['submitted for a one-time code', { type: 'autofill/submitted', values: [{ token: 'one-time-code', value: '1' }] }],
    ['submitted for "unknown"', { type: 'autofill/submitted', values: [{ token: 'unknown', value: 'x' }] }],
    [
      'submitted with a value over MAX_AUTOFILL_TEXT',
      { type: 'autofill/submitted', values: [{ token: 'name', value: 'x'.repeat(MAX_AUTOFILL_TEXT + 1) }] },
    ],
    [
      'submitted with too many values',
      { type: 'autofill/submitted', values: Array.from({ length: over }, () => ({ token: 'name', value: 'A' })) },
    ],
    ['offer-answer "yes"', { type: 'autofill/offer-answer', offerId: ID, answer: 'yes' }],
    ['offer-answer true', { type: 'autofill/offer-answer', offerId: ID, answer: true }],
    ['offer-answer without an answer', { type: 'autofill/offer-answer', offerId: ID }],
    ['offer-answer with an extra key', { type: 'autofill/offer-answer', offerId: ID, answer: 'save', profileId: 'p' }],
    ['offer-answer without an offerId', { type: 'autofill/offer-answer', answer: 'save' }],
    ['offer-answer with a numeric offerId', { type: 'autofill/offer-answer', offerId: 7, answer: 'save' }],
    ['offer-answer with a null offerId', { type: 'autofill/offer-answer', offerId: null, answer: 'save' }],
    ['offer-answer with an object offerId', { type: 'autofill/offer-answer', offerId: { id: ID }, answer: 'save' }],
    [
      'offer-answer with a 101-character offerId',
      { type: 'autofill/offer-answer', offerId: 'o'.repeat(101), answer: 'save' },
    ],
  ];

  test.each(refused)('%s', (_name, message) => {
    expect(parseAutofillRequest(message)).toBeNull();
  });

  test.each([
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ["'3'", '3'],
    ['NaN', Number.NaN],
    ['Infinity', Infinity],
    ['null', null],
  ])('a maxLength of %s', (_name, maxLength) => {
    const message = { type: 'autofill/values', profileId: 'p', fields: [{ token: 'tel', maxLength }] };
    expect(parseAutofillRequest(message)).toBeNull();
  });

  test('one bad field refuses the whole request', () => {
    const fields = [{ token: 'email' }, { token: 'given-name' }, { token: 'cc-csc' }];
    expect(parseAutofillRequest({ type: 'autofill/values', profileId: 'p', fields })).toBeNull();
  });
});

describe('parseDraftClientMessage', () => {
  test('accepts a draft with its question as sent, a stop, and a ping', () => {
    const question = '  Why do you want to work here?  ';
    expect(parseDraftClientMessage({ type: 'draft', question })).toStrictEqual({ type: 'draft', question });
    expect(parseDraftClientMessage({ type: 'stop' })).toStrictEqual({ type: 'stop' });
    expect(parseDraftClientMessage({ type: 'ping' })).toStrictEqual({ type: 'ping' });
  });

  test('a question of exactly 500 characters passes, 501 does not', () => {
    expect(parseDraftClientMessage({ type: 'draft', question: 'q'.repeat(500) })).not.toBeNull();
    expect(parseDraftClientMessage({ type: 'draft', question: 'q'.repeat(501) })).toBeNull();
  });

  test.each([
    ['an empty question', { type: 'draft', question: '' }],
    ['a whitespace question', { type: 'draft', question: ' \n\t ' }],
    ['a non-string question', { type: 'draft', question: 42 }],
    ['a draft without a question', { type: 'draft' }],
    ['a draft with an extra key', { type: 'draft', question: 'Why?', profileId: 'p' }],
    ['a stop with an extra key', { type: 'stop', now: true }],
    ['a ping with an extra key', { type: 'ping', at: 1 }],
    ['a ping with a question', { type: 'ping', question: 'Why?' }],
    ['an unknown type', { type: 'regenerate' }],
    ['a non-object', 'stop'],
    ['null', null],
  ])('refuses %s', (_name, message) => {
    expect(parseDraftClientMessage(message)).toBeNull();
  });
});
