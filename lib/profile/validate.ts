/**
 * Checks of what a profile holds, one message per input that is wrong. Values are only
 * read, never rewritten: a phone number is kept with the user's spaces and dashes, a
 * postal code in the user's case, since the form it is later filled into shows it as is.
 * Each check says what is wrong in words ("This has 5 digits; a phone number has at least
 * 7."), not just that something is.
 */
import { i18n } from '@/lib/i18n';
import { countryName, isCountryCode } from './countries';
import type { ProfileDraft } from './draft';
import { PROFILE_TOKENS, type ProfileToken } from './fields';
import { postalProblem } from './postal';
import { fieldKey, linkKey, type ProblemKey, type ProfileProblems } from './problems';
import { secretProblems } from './secrets';

/** Size limits: generous for real use, small enough that a profile stays a profile. */
export const PROFILE_LIMITS = {
  profileName: 60,
  /** Characters of one field value (an address line, an email). */
  value: 200,
  /** Values of one field (emails, phones). */
  values: 5,
  links: 20,
  linkLabel: 60,
  linkUrl: 2000,
  /** About me: room for a CV summary, not a whole CV library. */
  about: 20_000,
} as const;

export interface ValidationContext {
  /** Names of the other profiles: names are unique regardless of case ("work" and "Work" clash). */
  takenNames?: readonly string[];
  /** Today, for birthdays; tests pass a fixed day. */
  now?: Date;
}

const CONTROL = /\p{Cc}/u;
const EMAIL_LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const EMAIL_DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z\d-]+)$/iu;

/** The problem with an email address (trimmed), or null. */
export function checkEmail(value: string): string | null {
  if (/\s/.test(value)) return i18n.t('profileErrors.emailSpaces');
  const parts = value.split('@');
  if (parts.length !== 2) return i18n.t('profileErrors.emailAt');
  const [local = '', domain = ''] = parts;
  if (!EMAIL_DOMAIN.test(domain)) return i18n.t('profileErrors.emailDomain');
  if (!EMAIL_LOCAL.test(local) || value.length > 254) return i18n.t('profileErrors.emailShape');
  return null;
}

/** The problem with a phone number: digits (7 to 15, as E.164 allows) with an optional leading + country code. */
export function checkTel(value: string): string | null {
  if (!/^[\d\s().+-]+$/.test(value)) return i18n.t('profileErrors.telCharacters');
  if (value.lastIndexOf('+') > 0) return i18n.t('profileErrors.telPlus');
  const digits = value.replace(/\D/g, '').length;
  if (digits < 7) return i18n.t('profileErrors.telShort', [digits]);
  if (digits > 15) return i18n.t('profileErrors.telLong', [digits]);
  return null;
}

/** The problem with a postal code in `country` (a code); any country gets the character check. */
export function checkPostalCode(value: string, country?: string): string | null {
  const problem = postalProblem(value, country);
  if (problem === null) return null;
  if (problem === 'characters') return i18n.t('profileErrors.postalCharacters');
  return i18n.t('profileErrors.postalCountry', [countryName(country ?? ''), problem.example]);
}

/** The problem with a country: it must be an ISO 3166-1 alpha-2 code, as the form's select stores. */
export function checkCountry(value: string): string | null {
  return isCountryCode(value) ? null : i18n.t('profileErrors.country');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The problem with a birthday: a real YYYY-MM-DD date from 1900 to today. */
export function checkBirthday(value: string, now = new Date()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return i18n.t('profileErrors.dateShape');
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return i18n.t('profileErrors.dateNotReal');
  if (year < 1900) return i18n.t('profileErrors.dateTooOld');
  // By the user's calendar day, so a birthday today is not "in the future" anywhere.
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (value > today) return i18n.t('profileErrors.dateFuture');
  return null;
}

function isWebAddress(value: string, schemes: RegExp): boolean {
  if (!schemes.test(value) || !URL.canParse(value)) return false;
  return new URL(value).hostname !== '';
}

/** The problem with a website: an http:// or https:// address. */
export function checkWebsite(value: string): string | null {
  return isWebAddress(value, /^https?:\/\//i) ? null : i18n.t('profileErrors.urlShape');
}

/** The problem with a link's address: https:// only, as every profile site (LinkedIn, GitHub) serves it. */
export function checkLinkAddress(value: string): string | null {
  return isWebAddress(value, /^https:\/\//i) ? null : i18n.t('profileErrors.linkHttps');
}

function checkLine(value: string, limit: number): string | null {
  if (value.length > limit) return i18n.t('profileErrors.tooLong', [value.length, limit]);
  if (CONTROL.test(value)) return i18n.t('profileErrors.oneLine');
  return null;
}

/** The problem with one value (trimmed, not blank) of `token`; `country` is the profile's, for postal codes. */
export function checkValue(
  token: ProfileToken,
  value: string,
  { country, now }: { country?: string; now?: Date } = {},
): string | null {
  const line = checkLine(value, PROFILE_LIMITS.value);
  if (line) return line;
  switch (token) {
    case 'email':
      return checkEmail(value);
    case 'tel':
      return checkTel(value);
    case 'postal-code':
      return checkPostalCode(value, country !== undefined && isCountryCode(country) ? country : undefined);
    case 'country':
      return checkCountry(value);
    case 'bday':
      return checkBirthday(value, now);
    case 'url':
      return checkWebsite(value);
    default:
      return null;
  }
}

/** The problem with a profile's name: required, one line, and unlike the other profiles' names. */
export function checkProfileName(name: string, takenNames: readonly string[] = []): string | null {
  const trimmed = name.trim();
  if (!trimmed) return i18n.t('profileErrors.nameRequired');
  const line = checkLine(trimmed, PROFILE_LIMITS.profileName);
  if (line) return line;
  const folded = trimmed.toLocaleLowerCase();
  if (takenNames.some((taken) => taken.trim().toLocaleLowerCase() === folded)) {
    return i18n.t('profileErrors.nameTaken', [trimmed]);
  }
  return null;
}

/** Every validation problem of a draft (not secrets: see {@link profileProblems}). */
export function validateProfile(draft: ProfileDraft, context: ValidationContext = {}): ProfileProblems {
  const problems: ProfileProblems = {};
  const add = (key: ProblemKey, message: string | null) => {
    if (message) problems[key] ??= { message, secret: false };
  };
  add('profile-name', checkProfileName(draft.name, context.takenNames));
  const country = draft.fields.country?.map((value) => value.trim()).find(Boolean);
  for (const token of PROFILE_TOKENS) {
    (draft.fields[token] ?? []).forEach((raw, index) => {
      const value = raw.trim();
      if (index >= PROFILE_LIMITS.values)
        add(fieldKey(token, index), i18n.t('profileErrors.tooMany', [PROFILE_LIMITS.values]));
      else if (value) add(fieldKey(token, index), checkValue(token, value, { country, now: context.now }));
    });
  }
  draft.links.forEach((link, index) => {
    const label = link.label.trim();
    const url = link.url.trim();
    if (index >= PROFILE_LIMITS.links)
      return add(linkKey(index, 'label'), i18n.t('profileErrors.tooManyLinks', [PROFILE_LIMITS.links]));
    if (!label && !url) return;
    add(
      linkKey(index, 'label'),
      label ? checkLine(label, PROFILE_LIMITS.linkLabel) : i18n.t('profileErrors.linkLabel'),
    );
    add(
      linkKey(index, 'url'),
      url ? (checkLine(url, PROFILE_LIMITS.linkUrl) ?? checkLinkAddress(url)) : i18n.t('profileErrors.linkUrl'),
    );
  });
  const about = draft.about.trim();
  if (about.length > PROFILE_LIMITS.about)
    add('about', i18n.t('profileErrors.tooLong', [about.length, PROFILE_LIMITS.about]));
  else if (CONTROL.test(about.replace(/[\n\r\t]/g, ''))) add('about', i18n.t('profileErrors.control'));
  return problems;
}

/**
 * Everything that stops a draft from being saved: validation problems and refused secrets.
 * A secret wins over a typo in the same input, because it is the thing to remove.
 */
export function profileProblems(draft: ProfileDraft, context: ValidationContext = {}): ProfileProblems {
  return { ...validateProfile(draft, context), ...secretProblems(draft) };
}
