/** Profile validation: one clear message per wrong input, and values never rewritten. */
import { describe, expect, test } from 'vitest';
import {
  POSTAL_COUNTRIES,
  checkBirthday,
  checkEmail,
  checkLinkAddress,
  checkPostalCode,
  checkProfileName,
  checkTel,
  checkValue,
  checkWebsite,
  cleanDraft,
  countryName,
  countryOptions,
  emptyDraft,
  isCountryCode,
  profileProblems,
  validateProfile,
  type ProfileDraft,
} from '@/lib/profile';

const ok = null;

describe('email', () => {
  test.each([
    ['ada@example.com', ok],
    ['ada.lovelace+work@mail.example.co.uk', ok],
    ["o'brien@example.ie", ok],
    ['jürgen@beispiel.de', ok],
    ['ada@xn--bcher-kva.example', ok],
    ['ada.example.com', 'An email address has one @, like name@example.com.'],
    ['ada@@example.com', 'An email address has one @, like name@example.com.'],
    ['ada@example', 'After the @ comes a domain with a dot, like example.com.'],
    ['ada@example..com', 'After the @ comes a domain with a dot, like example.com.'],
    ['ada@-example.com', 'After the @ comes a domain with a dot, like example.com.'],
    ['ada @example.com', 'An email address has no spaces.'],
    ['.ada@example.com', 'This is not an email address like name@example.com.'],
    ['ada..l@example.com', 'This is not an email address like name@example.com.'],
    ['@example.com', 'This is not an email address like name@example.com.'],
  ])('%s', (value, message) => {
    expect(checkEmail(value)).toBe(message);
  });
});

describe('phone', () => {
  test.each([
    ['+44 20 7946 0958', ok],
    ['+1 (415) 555-0132', ok],
    ['030 1234567', ok],
    ['+49.30.1234.5678', ok],
    ['5550132', ok],
    [
      '+1 415 555 0132 ext 7',
      'A phone number has only digits, spaces, dashes, dots, parentheses and a + at the start.',
    ],
    ['call me', 'A phone number has only digits, spaces, dashes, dots, parentheses and a + at the start.'],
    ['44+20 7946 0958', 'The + goes only at the start, before the country code (like +44).'],
    ['++44 20 7946 0958', 'The + goes only at the start, before the country code (like +44).'],
    ['555 013', 'This has 6 digits; a phone number has at least 7.'],
    ['+', 'This has 0 digits; a phone number has at least 7.'],
    ['+44 20 7946 0958 1234', 'This has 16 digits; a phone number has at most 15, country code included.'],
  ])('%s', (value, message) => {
    expect(checkTel(value)).toBe(message);
  });
});

describe('postal codes by country', () => {
  test.each([
    ['US', '94103', ok],
    ['US', '94103-1234', ok],
    ['US', '9410', 'This is not a postal code of United States, where they look like 94103 or 94103-1234.'],
    ['US', '94103 1234', 'This is not a postal code of United States, where they look like 94103 or 94103-1234.'],
    ['CA', 'K1A 0B1', ok],
    ['CA', 'k1a0b1', ok],
    ['CA', 'D1A 0B1', 'This is not a postal code of Canada, where they look like K1A 0B1.'],
    ['GB', 'SW1A 1AA', ok],
    ['GB', 'M1 1AE', ok],
    ['GB', 'ec1a1bb', ok],
    ['GB', 'SW1A', 'This is not a postal code of United Kingdom, where they look like SW1A 1AA.'],
    ['DE', '10115', ok],
    ['DE', '1011', 'This is not a postal code of Germany, where they look like 10115.'],
    ['FR', '75008', ok],
    ['FR', '750 08', 'This is not a postal code of France, where they look like 75008.'],
    ['IT', '00184', ok],
    ['ES', '28013', ok],
    ['NL', '1012 AB', ok],
    ['NL', '1012AB', ok],
    ['NL', '0123 AB', 'This is not a postal code of Netherlands, where they look like 1012 AB.'],
    ['JP', '100-0001', ok],
    ['JP', '1000001', ok],
    ['JP', '100-001', 'This is not a postal code of Japan, where they look like 100-0001.'],
    ['IN', '110001', ok],
    ['IN', '011000', 'This is not a postal code of India, where they look like 110001.'],
    ['AU', '2000', ok],
    ['AU', '20000', 'This is not a postal code of Australia, where they look like 2000.'],
    ['BR', '01310-100', ok],
    ['BR', '01310', 'This is not a postal code of Brazil, where they look like 01310-100.'],
    ['SE', '114 55', ok],
    ['PL', '00-950', ok],
    ['PL', '00950', 'This is not a postal code of Poland, where they look like 00-950.'],
    ['IE', 'D02 X285', ok],
    // No format is known for Iceland, so only the characters are checked.
    ['IS', '101', ok],
    ['IS', '10#1', 'A postal code has only letters and digits, with single spaces or hyphens between them.'],
    [undefined, 'whatever 12', ok],
    [undefined, '12  34', 'A postal code has only letters and digits, with single spaces or hyphens between them.'],
  ])('%s %s', (country, value, message) => {
    expect(checkPostalCode(value, country)).toBe(message);
  });

  test('more than eight countries have a format check', () => {
    expect(POSTAL_COUNTRIES.length).toBeGreaterThan(8);
  });
});

describe('birthday', () => {
  const now = new Date(2025, 5, 15, 12); // 15 June 2025, local time
  test.each([
    ['1990-05-17', ok],
    ['2000-02-29', ok],
    ['1900-01-01', ok],
    ['2025-06-15', ok],
    ['17/05/1990', 'Write the date as YYYY-MM-DD, like 1990-05-17.'],
    ['1990-5-17', 'Write the date as YYYY-MM-DD, like 1990-05-17.'],
    ['1990-02-30', 'There is no such date. Check the month and the day.'],
    ['1900-02-29', 'There is no such date. Check the month and the day.'],
    ['1990-13-01', 'There is no such date. Check the month and the day.'],
    ['1899-12-31', 'Use a year from 1900 on.'],
    ['2025-06-16', 'A birthday cannot be in the future.'],
  ])('%s', (value, message) => {
    expect(checkBirthday(value, now)).toBe(message);
  });
});

describe('web addresses', () => {
  test.each([
    ['https://ada.example', ok, ok],
    ['http://ada.example/cv', ok, 'A link starts with https://, like https://github.com/your-name.'],
    [
      'ada.example',
      'Write a web address starting with https:// or http://, like https://example.com.',
      'A link starts with https://, like https://github.com/your-name.',
    ],
    [
      'javascript:alert(1)',
      'Write a web address starting with https:// or http://, like https://example.com.',
      'A link starts with https://, like https://github.com/your-name.',
    ],
    [
      'https://',
      'Write a web address starting with https:// or http://, like https://example.com.',
      'A link starts with https://, like https://github.com/your-name.',
    ],
  ])('%s', (value, website, link) => {
    expect(checkWebsite(value)).toBe(website);
    expect(checkLinkAddress(value)).toBe(link);
  });
});

describe('profile names', () => {
  test.each([
    ['Work', [], ok],
    ['  Work  ', ['Personal'], ok],
    ['', [], 'Give this profile a name, like Personal or Work.'],
    ['   ', [], 'Give this profile a name, like Personal or Work.'],
    ['work', ['Work'], 'There is already a profile called “work”. Choose another name.'],
    ['x'.repeat(61), [], 'This is 61 characters long; the limit is 60.'],
  ])('%j', (name, taken, message) => {
    expect(checkProfileName(name, taken)).toBe(message);
  });
});

describe('countries', () => {
  test('stored as ISO codes, shown by name', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('de')).toBe(false);
    expect(isCountryCode('Germany')).toBe(false);
    expect(isCountryCode('UK')).toBe(false);
    expect(countryName('DE', 'en')).toBe('Germany');
    const options = countryOptions('en');
    expect(options.length).toBe(250);
    expect(options.find((option) => option.code === 'GB')?.name).toBe('United Kingdom');
  });

  test.each([
    ['Germany', 'Choose a country from the list (stored as a two-letter code, such as US or DE).'],
    ['us', 'Choose a country from the list (stored as a two-letter code, such as US or DE).'],
    ['US', ok],
  ])('%s', (value, message) => {
    expect(checkValue('country', value)).toBe(message);
  });
});

describe('a whole profile', () => {
  const draft = (change: Partial<ProfileDraft>): ProfileDraft => ({ ...emptyDraft(), name: 'Work', ...change });

  test('each problem is keyed by field and value index; good values have none', () => {
    const problems = validateProfile(
      draft({
        fields: {
          email: ['ada@example.com', 'ada@example'],
          tel: ['', '12'],
          country: ['DE'],
          'postal-code': ['1011'],
          'address-line1': ['Line\nbreak'],
        },
        links: [
          { label: 'GitHub', url: 'https://github.com/ada' },
          { label: '', url: 'https://ada.example' },
          { label: 'Blog', url: '' },
          { label: '', url: '' },
        ],
      }),
    );
    expect(Object.keys(problems).sort()).toEqual(
      ['address-line1-0', 'email-1', 'link-1-label', 'link-2-url', 'postal-code-0', 'tel-1'].sort(),
    );
    expect(problems['postal-code-0']?.message).toMatch(/Germany/);
    expect(problems['link-1-label']?.message).toBe('Give the link a name, like GitHub or Portfolio.');
    expect(problems['link-2-url']?.message).toBe("Add the link's address, starting with https://.");
  });

  test('too many values, a too long value and a too long About me are refused', () => {
    const problems = validateProfile(
      draft({
        fields: { email: Array.from({ length: 6 }, (_, i) => `a${i}@example.com`), organization: ['x'.repeat(201)] },
        about: 'y'.repeat(20_001),
      }),
    );
    expect(problems['email-5']?.message).toBe('Keep at most 5 of these.');
    expect(problems['organization-0']?.message).toBe('This is 201 characters long; the limit is 200.');
    expect(problems.about?.message).toBe('This is 20001 characters long; the limit is 20000.');
  });

  test('validation never alters the draft, and cleaning only trims and drops blanks', () => {
    const typed = draft({
      name: '  Work ',
      fields: { tel: [' +44 (20) 7946-0958 ', ''], email: ['ada@example'] },
      links: [
        { label: ' GitHub ', url: 'https://github.com/ada ' },
        { label: ' ', url: '' },
      ],
      about: '  Skills: TypeScript.\n',
    });
    const copy = structuredClone(typed);
    expect(profileProblems(typed)['email-0']).toBeDefined();
    expect(typed).toEqual(copy);
    expect(cleanDraft({ ...typed, fields: { tel: typed.fields.tel! } })).toEqual({
      name: 'Work',
      isDefault: false,
      fields: { tel: ['+44 (20) 7946-0958'] },
      links: [{ label: 'GitHub', url: 'https://github.com/ada' }],
      about: 'Skills: TypeScript.',
    });
  });
});
