import { describe, expect, test } from 'vitest';
import type { ProfileFields } from '@/lib/profile';
import { FIELD_TOKENS, isSecretToken } from '@/lib/autofill/types';
import { profileValue } from '@/lib/autofill/values';
import { splitPhone } from '@/lib/autofill/values-phone';

const full: ProfileFields = {
  'given-name': ['Ada'],
  'additional-name': ['King'],
  'family-name': ['Lovelace'],
  email: ['ada@example.org', 'ada@work.example'],
  tel: ['+1 (415) 555-0123'],
  organization: ['Analytical Engines Ltd'],
  'organization-title': ['Programmer'],
  'address-line1': ['12 St James Square'],
  'address-line2': ['Flat 3'],
  'address-level2': ['London'],
  'address-level1': ['Greater London'],
  'postal-code': ['SW1Y 4JH'],
  country: ['GB'],
  bday: ['1815-12-10'],
  url: ['https://ada.example'],
};

describe('names', () => {
  test('the full name is composed from its parts when not stored', () => {
    expect(profileValue('name', full)).toBe('Ada King Lovelace');
    expect(profileValue('given-name', full)).toBe('Ada');
    expect(profileValue('additional-name', full)).toBe('King');
    expect(profileValue('family-name', full)).toBe('Lovelace');
  });

  test('a profile with only a full name gives its first and last word', () => {
    const fields: ProfileFields = { name: ['  Grace Brewster Hopper '] };
    expect(profileValue('name', fields)).toBe('Grace Brewster Hopper');
    expect(profileValue('given-name', fields)).toBe('Grace');
    expect(profileValue('family-name', fields)).toBe('Hopper');
    expect(profileValue('additional-name', fields)).toBeNull();
  });

  test('a one-word name is a given name, not a family name too', () => {
    expect(profileValue('given-name', { name: ['Cher'] })).toBe('Cher');
    expect(profileValue('family-name', { name: ['Cher'] })).toBeNull();
  });

  test('only given and family name give the full name with one space', () => {
    expect(profileValue('name', { 'given-name': ['Alan'], 'family-name': ['Turing'] })).toBe('Alan Turing');
    expect(profileValue('name', { 'family-name': ['Turing'] })).toBe('Turing');
  });

  test('a stored full name wins over the parts', () => {
    const fields: ProfileFields = { name: ['Dr. Ada Lovelace'], 'given-name': ['Augusta'], 'family-name': ['King'] };
    expect(profileValue('name', fields)).toBe('Dr. Ada Lovelace');
    expect(profileValue('given-name', fields)).toBe('Augusta');
  });

  test('a name too long for the field drops the middle name, then gives up', () => {
    expect(profileValue('name', full, { maxLength: 12 })).toBe('Ada Lovelace');
    expect(profileValue('name', full, { maxLength: 5 })).toBeNull();
  });
});

describe('contact and address', () => {
  test('plain values are the first one stored, or the one picked', () => {
    expect(profileValue('email', full)).toBe('ada@example.org');
    expect(profileValue('email', full, { index: 1 })).toBe('ada@work.example');
    expect(profileValue('email', full, { index: 2 })).toBeNull();
    expect(profileValue('organization', full)).toBe('Analytical Engines Ltd');
    expect(profileValue('organization-title', full)).toBe('Programmer');
    expect(profileValue('address-line1', full)).toBe('12 St James Square');
    expect(profileValue('address-level1', full)).toBe('Greater London');
    expect(profileValue('address-level2', full)).toBe('London');
    expect(profileValue('postal-code', full)).toBe('SW1Y 4JH');
    expect(profileValue('url', full)).toBe('https://ada.example');
  });

  test('the username is the first email', () => {
    expect(profileValue('username', full)).toBe('ada@example.org');
    expect(profileValue('username', { name: ['Ada'] })).toBeNull();
  });

  test('the street address joins the address lines with line breaks', () => {
    expect(profileValue('street-address', full)).toBe('12 St James Square\nFlat 3');
    expect(profileValue('street-address', { 'address-line2': ['Flat 3'], 'address-line3': ['Wing B'] })).toBe(
      'Flat 3\nWing B',
    );
    expect(profileValue('street-address', full, { maxLength: 20 })).toBe('12 St James Square');
    expect(profileValue('street-address', {})).toBeNull();
  });

  test('the country is the ISO code, or its name in the page language', () => {
    expect(profileValue('country', full)).toBe('GB');
    expect(profileValue('country-name', { country: ['DE'] }, { pageLang: 'en' })).toBe('Germany');
    expect(profileValue('country-name', { country: ['DE'] }, { pageLang: 'de' })).toBe('Deutschland');
    expect(profileValue('country-name', { country: ['DE'] }, { pageLang: 'fr-FR' })).toBe('Allemagne');
    expect(profileValue('country-name', { country: ['DE'] }, { pageLang: 'en', maxLength: 2 })).toBe('DE');
    // A language tag Intl cannot use gives the browser's language rather than the bare code.
    expect(profileValue('country-name', { country: ['DE'] }, { pageLang: '!!' })).not.toBe('DE');
  });
});

describe('birthday', () => {
  test('is stored as YYYY-MM-DD and split into day, month and year', () => {
    expect(profileValue('bday', full)).toBe('1815-12-10');
    expect(profileValue('bday-day', full)).toBe('10');
    expect(profileValue('bday-month', full)).toBe('12');
    expect(profileValue('bday-year', full)).toBe('1815');
    const early: ProfileFields = { bday: ['1990-04-02'] };
    expect(profileValue('bday-day', early)).toBe('02');
    expect(profileValue('bday-month', early)).toBe('04');
    expect(profileValue('bday-month', early, { maxLength: 1 })).toBe('4');
    expect(profileValue('bday-year', early, { maxLength: 2 })).toBe('90');
  });

  test('parts of a birthday not in the stored format are not guessed', () => {
    expect(profileValue('bday-day', { bday: ['10.12.1815'] })).toBeNull();
  });
});

describe('phones', () => {
  test('a US number splits 3 + 3 + 4 after the country code', () => {
    const us: ProfileFields = { tel: ['+1 (415) 555-0123'] };
    expect(profileValue('tel', us)).toBe('+1 (415) 555-0123');
    expect(profileValue('tel-country-code', us)).toBe('+1');
    expect(profileValue('tel-national', us)).toBe('(415) 555-0123');
    expect(profileValue('tel-area-code', us)).toBe('415');
    expect(profileValue('tel-local', us)).toBe('5550123');
    expect(profileValue('tel-local-prefix', us)).toBe('555');
    expect(profileValue('tel-local-suffix', us)).toBe('0123');
    expect(profileValue('tel-extension', us)).toBeNull();
  });

  test('a US number without a country code has no country code part', () => {
    const us: ProfileFields = { tel: ['1-800-555-0199'] };
    expect(profileValue('tel-country-code', us)).toBeNull();
    expect(profileValue('tel-area-code', us)).toBe('800');
    expect(profileValue('tel-local-suffix', us)).toBe('0199');
    // Unspaced, it takes the profile's country to know it is North American.
    expect(profileValue('tel-area-code', { tel: ['4155550123'], country: ['US'] })).toBe('415');
    expect(profileValue('tel-area-code', { tel: ['4155550123'], country: ['DE'] })).toBeNull();
  });

  test('a German number splits on its spacing', () => {
    const de: ProfileFields = { tel: ['+49 30 1234567'] };
    expect(profileValue('tel-country-code', de)).toBe('+49');
    expect(profileValue('tel-national', de)).toBe('30 1234567');
    expect(profileValue('tel-area-code', de)).toBe('30');
    expect(profileValue('tel-local', de)).toBe('1234567');
    expect(profileValue('tel-local-prefix', de)).toBeNull();
    const local: ProfileFields = { tel: ['030 1234567'] };
    expect(profileValue('tel-country-code', local)).toBeNull();
    expect(profileValue('tel-national', local)).toBe('030 1234567');
    expect(profileValue('tel-area-code', local)).toBe('030');
    expect(profileValue('tel-local', local)).toBe('1234567');
  });

  test('a UK number with a bracketed trunk zero, and a French one in pairs', () => {
    const uk: ProfileFields = { tel: ['+44 (0) 20 7946 0958'] };
    expect(profileValue('tel-country-code', uk)).toBe('+44');
    expect(profileValue('tel-national', uk)).toBe('20 7946 0958');
    expect(profileValue('tel-area-code', uk)).toBe('20');
    expect(profileValue('tel-local', uk)).toBe('79460958');
    expect(profileValue('tel-local-prefix', uk)).toBe('7946');
    expect(profileValue('tel-local-suffix', uk)).toBe('0958');
    const fr: ProfileFields = { tel: ['+33 1 23 45 67 89'] };
    expect(profileValue('tel-country-code', fr)).toBe('+33');
    expect(profileValue('tel-area-code', fr)).toBe('1');
    expect(profileValue('tel-local', fr)).toBe('23456789');
    expect(profileValue('tel-local-prefix', fr)).toBe('23');
    expect(profileValue('tel-local-suffix', fr)).toBe('456789');
  });

  test('the country code is found without spacing, by the calling-code plan', () => {
    expect(splitPhone('+4930 1234567')).toMatchObject({ countryCode: '49', areaCode: '30', local: '1234567' });
    expect(splitPhone('0033 1 23 45 67 89')).toMatchObject({ countryCode: '33', areaCode: '1' });
    expect(splitPhone('+353 1 234 5678')).toMatchObject({ countryCode: '353', areaCode: '1' });
    expect(splitPhone('+7 495 123-45-67')).toMatchObject({ countryCode: '7', areaCode: '495', local: '1234567' });
    expect(splitPhone('+12025550123')).toMatchObject({ countryCode: '1', areaCode: '202', localPrefix: '555' });
    expect(splitPhone('no digits')).toBeNull();
  });

  test('a phone too long for the field gets a compact form that fits', () => {
    const us: ProfileFields = { tel: ['+1 (415) 555-0123'] };
    expect(profileValue('tel', us, { maxLength: 12 })).toBe('+14155550123');
    expect(profileValue('tel', us, { maxLength: 10 })).toBe('4155550123');
    expect(profileValue('tel-country-code', us, { maxLength: 1 })).toBe('1');
    expect(profileValue('tel', us, { maxLength: 5 })).toBeNull();
    expect(profileValue('tel', us, { maxLength: -1 })).toBe('+1 (415) 555-0123');
  });
});

test('missing values are null, blanks included', () => {
  expect(profileValue('email', {})).toBeNull();
  expect(profileValue('email', { email: ['  '] })).toBeNull();
  expect(profileValue('tel-area-code', {})).toBeNull();
  expect(profileValue('country', {})).toBeNull();
  expect(profileValue('bday-year', {})).toBeNull();
  expect(profileValue('name', {})).toBeNull();
});

test('secret tokens and unknown are always null', () => {
  const secrets = FIELD_TOKENS.filter(isSecretToken);
  expect(secrets).toEqual(expect.arrayContaining(['cc-number', 'current-password', 'new-password', 'one-time-code']));
  for (const token of [...secrets, 'unknown' as const]) expect(profileValue(token, full)).toBeNull();
});

test('every non-secret token but the extension has a value from a complete profile', () => {
  const everything: ProfileFields = { ...full, tel: ['+44 20 7946 0958'], 'address-line3': ['East wing'] };
  const missing = FIELD_TOKENS.filter((token) => !isSecretToken(token) && profileValue(token, everything) === null);
  expect(missing).toEqual(['tel-extension']);
});
