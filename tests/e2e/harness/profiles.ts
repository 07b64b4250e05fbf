/** The profiles the autofill specs start from: a default "Personal" and a "Work". */
import type { TestProfile } from './autofill';

export const PERSONAL: TestProfile = {
  id: 'personal',
  name: 'Personal',
  isDefault: true,
  fields: {
    'given-name': ['Ada'],
    'family-name': ['Lovelace'],
    email: ['ada@example.com'],
    tel: ['+1 415 555 0123'],
    'address-line1': ['12 Analytical Way'],
    'address-line2': ['Flat 3'],
    'address-level2': ['San Francisco'],
    'address-level1': ['CA'],
    'postal-code': ['94107'],
    country: ['US'],
    organization: ['Analytical Engines'],
  },
  about: 'I design calculating engines and write their programs. Ten years of notes on Bernoulli numbers.',
};

export const WORK: TestProfile = {
  id: 'work',
  name: 'Work',
  isDefault: false,
  fields: { 'given-name': ['Ada'], 'family-name': ['Lovelace'], email: ['ada@engines.example'] },
};

/** Every profile value, to check that none reached the page. */
export const PROFILE_VALUES = [
  ...new Set([PERSONAL, WORK].flatMap((p) => Object.values(p.fields).flat())),
  'Ada Lovelace',
];
