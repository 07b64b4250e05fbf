/**
 * The value a classified field gets from a profile. A profile stores each fact once ("+49 30
 * 1234567", "1990-04-02", "DE"); forms ask for it in many shapes (a split phone, a birthday
 * in three selects, a country by name), so each shape is derived here rather than stored.
 */
import { countryName, isCountryCode, type ProfileFields, type ProfileToken } from '@/lib/profile';
import { isSecretToken, type FieldToken } from './types';
import { splitPhone } from './values-phone';

/** How the value is wanted. */
export interface ValueOptions {
  /**
   * The field's `maxlength` (-1 or absent: none). A value that does not fit gets a shorter
   * form of the same fact when there is one ("+14155550123" for a 12-character phone field,
   * "90" for a two-digit year); otherwise null, since a cut email or street is wrong data.
   */
  maxLength?: number;
  /** The page's language (BCP 47), for country names; default: the browser's. */
  pageLang?: string;
  /** Which of several stored values (the second email); default: the first. */
  index?: number;
}

/** Forms of the value a token asks for, the preferred first; nulls are forms the profile cannot give. */
type Forms = (string | null)[];

function words(value: string | null): string[] {
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

const joined = (parts: (string | null)[], separator: string) => parts.filter(Boolean).join(separator) || null;

function nameForms(token: FieldToken, get: (token: ProfileToken) => string | null): Forms {
  const given = get('given-name');
  const family = get('family-name');
  const stored = words(get('name'));
  switch (token) {
    case 'name':
      // The middle name is the part to drop when the whole name is too long for the field.
      return [get('name') ?? joined([given, get('additional-name'), family], ' '), joined([given, family], ' ')];
    case 'given-name':
      return [given ?? stored[0] ?? null];
    case 'family-name':
      // A one-word name ("Cher") is given as the given name only, not as both.
      return [family ?? (stored.length > 1 ? stored[stored.length - 1]! : null)];
    default:
      return [get('additional-name')];
  }
}

function phoneForms(token: FieldToken, stored: string | null, country: string | undefined): Forms {
  const parts = stored === null ? null : splitPhone(stored, country);
  if (stored === null || parts === null) return [];
  const code = parts.countryCode;
  switch (token) {
    case 'tel':
      return [stored, code === null ? null : `+${code}${parts.nationalDigits}`, parts.national, parts.nationalDigits];
    case 'tel-country-code':
      return code === null ? [] : [`+${code}`, code];
    case 'tel-national':
      return [parts.national, parts.nationalDigits];
    case 'tel-area-code':
      return [parts.areaCode];
    case 'tel-local':
      return [parts.local];
    case 'tel-local-prefix':
      return [parts.localPrefix];
    case 'tel-local-suffix':
      return [parts.localSuffix];
    default:
      // tel-extension: a profile's phone (validate.ts's checkTel) never holds one.
      return [];
  }
}

function birthdayForms(token: FieldToken, stored: string | null): Forms {
  // Stored as YYYY-MM-DD (validate.ts's checkBirthday), which is also what <input type="date"> takes.
  const match = stored === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(stored);
  if (token === 'bday') return [stored];
  if (!match) return [];
  const [, year = '', month = '', day = ''] = match;
  if (token === 'bday-year') return [year, year.slice(2)];
  const part = token === 'bday-month' ? month : day;
  return [part, String(Number(part))];
}

function countryForms(token: FieldToken, stored: string | null, pageLang: string | undefined): Forms {
  if (stored === null) return [];
  const code = stored.toUpperCase();
  if (!isCountryCode(code)) return [stored];
  if (token === 'country') return [code];
  // countryName answers the code itself for a language tag it cannot use; then the browser's language.
  const name = countryName(code, pageLang);
  return [name !== code ? name : countryName(code), code];
}

/** What a form of a token depends on besides the token's own values. */
interface FormContext {
  pageLang: string | undefined;
  /** The profile's (first) country, which tells how an unspaced phone number splits. */
  country: string | undefined;
}

function forms(token: FieldToken, get: (token: ProfileToken) => string | null, context: FormContext): Forms {
  switch (token) {
    case 'name':
    case 'given-name':
    case 'additional-name':
    case 'family-name':
      return nameForms(token, get);
    case 'username':
      return [get('email')];
    case 'street-address':
      return [joined([get('address-line1'), get('address-line2'), get('address-line3')], '\n'), get('address-line1')];
    case 'country':
    case 'country-name':
      return countryForms(token, get('country'), context.pageLang);
    case 'bday':
    case 'bday-day':
    case 'bday-month':
    case 'bday-year':
      return birthdayForms(token, get('bday'));
    case 'email':
    case 'organization':
    case 'organization-title':
    case 'address-line1':
    case 'address-line2':
    case 'address-line3':
    case 'address-level1':
    case 'address-level2':
    case 'postal-code':
    case 'url':
      return [get(token)];
    case 'tel':
    case 'tel-country-code':
    case 'tel-national':
    case 'tel-area-code':
    case 'tel-local':
    case 'tel-local-prefix':
    case 'tel-local-suffix':
    case 'tel-extension':
      return phoneForms(token, get('tel'), context.country);
    default:
      return [];
  }
}

/**
 * The value `fields` give a field classified as `token`, or null when the profile has none.
 * Secret tokens (cards, passwords, codes) and `unknown` are always null: a profile never
 * holds them, and nothing derived may be filled into them either.
 */
export function profileValue(token: FieldToken, fields: ProfileFields, options: ValueOptions = {}): string | null {
  if (token === 'unknown' || isSecretToken(token)) return null;
  const index = options.index ?? 0;
  const get = (key: ProfileToken) => fields[key]?.[index]?.trim() || null;
  const limit = options.maxLength ?? -1;
  const country = fields.country?.[0]?.trim().toUpperCase();
  for (const value of forms(token, get, { pageLang: options.pageLang, country })) {
    if (value && (limit < 0 || value.length <= limit)) return value;
  }
  return null;
}
