/** Secrets are refused wherever they are typed, with a reason; an ordinary CV is not taken for one. */
import { describe, expect, test } from 'vitest';
import {
  emptyDraft,
  findSecret,
  isSecretAutocomplete,
  passesLuhn,
  profileProblems,
  secretExplanation,
  secretProblems,
} from '@/lib/profile';

describe('card numbers', () => {
  test.each([
    ['4111 1111 1111 1111', 'card'],
    ['4111-1111-1111-1111', 'card'],
    ['4111111111111111', 'card'],
    ['My card: 5555 5555 5555 4444, thanks', 'card'],
    ['3782 822463 10005', 'card'], // Amex, 4-6-5
    ['378282246310005', 'card'],
    ['6011 1111 1111 1117', 'card'], // Discover
    ['2223 0031 2200 3222', 'card'], // Mastercard 2-series
    ['3056 930902 5904', 'card'], // Diners, 4-6-4
    ['4222222222222', 'card'], // 13-digit Visa
    ['from 2019 4111 1111 1111 1111 ok', 'card'],
    // Luhn fails: a typo or random digits, not a card.
    ['4111 1111 1111 1112', null],
    ['5555 5555 5555 4445', null],
    // Luhn passes, but no card network starts so: a reference number, an ORCID.
    ['0000 0000 0000 0000', null],
    ['9111 1111 1111 1111', null],
    // Grouped as no card is, e.g. an ISBN, or a phone number with its +.
    ['978-3-16-148410-0', null],
    ['+44 4111 1111 1111 1111', null],
  ])('%s', (text, kind) => {
    expect(findSecret(text)).toBe(kind);
  });

  test('Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });
});

describe('labelled secrets', () => {
  test.each([
    ['CVC 123', 'cvc'],
    ['cvv: 4567', 'cvc'],
    ['Security code is 987', 'cvc'],
    ['password: hunter2', 'password'],
    ['Password=Tr0ub4dor&3', 'password'],
    ['pwd: s3cret', 'password'],
    ['my passcode is 8812', 'password'],
    ['PIN 1234', 'password'],
    ['OTP 123456', 'oneTimeCode'],
    ['Your verification code: 482913', 'oneTimeCode'],
    ['one-time code 551290', 'oneTimeCode'],
    ['otpauth://totp/Example:ada?secret=JBSWY3DPEHPK3PXP', 'oneTimeCode'],
    ['recovery codes: 4f7a-9b2c', 'oneTimeCode'],
    ['SSN 123-45-6789', 'governmentId'],
    ['123-45-6789', 'governmentId'],
    ['Passport no. 533380006', 'governmentId'],
    ['passport number: C01X00T47', 'governmentId'],
    ['National Insurance number QQ 12 34 56 C', 'governmentId'],
    ['AB 12 34 56 C', 'governmentId'],
    ['Aadhaar 2345 6789 0123', 'governmentId'],
    ['Tax ID: 12-3456789', 'governmentId'],
    ['PAN ABCPE1234F', 'governmentId'],
  ])('%s', (text, kind) => {
    expect(findSecret(text)).toBe(kind);
  });

  test.each([
    ['000-12-3456'],
    ['666-12-3456'],
    ['987-65-4321'],
    ['PIN code 560001'],
    ['pin 560001'],
    ['I hold a UK passport since 2015.'],
    ['Password managers: 1Password and Bitwarden'],
    ['Built OTP-based 2FA for 3 apps'],
    ['Security code reviews since 2019'],
  ])('not a secret: %s', (text) => {
    expect(findSecret(text)).toBeNull();
  });
});

test('an ordinary CV, with phone numbers, years and figures, raises no alarm', () => {
  const cv = [
    'Ada Lovelace, senior engineer. +1 (415) 555-0132, +44 20 7946 0958, 030 1234567.',
    '2015–2019 Acme Corp (London); 2019-2024 Globex, Berlin 10115. Led a team of 12 and cut costs by 35% in 2021.',
    'Skills: TypeScript, password hashing (bcrypt), OTP-based 2FA, PCI DSS compliance for card payments.',
    'ORCID 0000-0002-1825-0097. ISBN 978-3-16-148410-0. Published 2018, 2019, 2020 and 2021.',
    'Office: 1600 Amphitheatre Parkway, Mountain View, CA 94043-1351. Employee number 1234567890123.',
    'Dates: 1990-05-17, 17/05/1990, 2024-01-01. Budget 1,250,000 EUR. Postcode SW1A 1AA.',
    'Passport: EU citizen. Available from 2025-09-01; notice period 3 months.',
  ].join('\n');
  expect(findSecret(cv)).toBeNull();
  expect(
    secretProblems({
      ...emptyDraft(),
      name: 'Work',
      fields: {
        tel: ['+1 (415) 555-0132', '+49 30 1234 5678 90'],
        'postal-code': ['94043-1351'],
        bday: ['1990-05-17'],
      },
      about: cv,
    }),
  ).toEqual({});
});

test('a secret is reported where it was typed, with a reason that does not repeat it', () => {
  const problems = profileProblems({
    ...emptyDraft(),
    name: 'Personal',
    fields: { organization: ['Acme'], 'address-line2': ['password: hunter2'] },
    links: [{ label: 'Card', url: 'https://pay.example/?cvc=123' }],
    about: 'Skills: TypeScript. My card is 4111 1111 1111 1111.',
  });
  expect(Object.keys(problems).sort()).toEqual(['about', 'address-line2-0', 'link-0-url']);
  expect(problems.about).toEqual({ message: secretExplanation('card'), secret: true });
  expect(problems.about?.message).toMatch(/^This looks like a payment card number\. Edgewise does not keep/);
  expect(problems.about?.message).toMatch(/do not belong in an assistant's context/);
  expect(problems.about?.message).not.toMatch(/4111/);
  expect(problems['address-line2-0']?.message).toMatch(/^This looks like a password or PIN\./);
  expect(problems['address-line2-0']?.message).not.toMatch(/hunter2/);
  expect(problems['link-0-url']?.message).toMatch(/^This looks like a card security code \(CVC\)\./);
});

describe('autocomplete tokens of secret kinds, for autofill', () => {
  test.each([
    ['cc-number', true],
    ['billing cc-csc', true],
    ['section-pay shipping cc-exp', true],
    ['current-password', true],
    ['username current-password webauthn', true],
    ['section-login current-password webauthn', true],
    ['new-password', true],
    ['one-time-code', true],
    ['ONE-TIME-CODE', true],
    ['email', false],
    ['shipping postal-code', false],
    ['work tel', false],
    ['', false],
    ['off', false],
  ])('%j', (autocomplete, secret) => {
    expect(isSecretAutocomplete(autocomplete)).toBe(secret);
  });
});
