/**
 * Which `<option>` of a select a profile value means. Forms list the same country as "DE",
 * "Germany", "Deutschland" or "Allemagne", a state as "CA" or "California", a month as "03"
 * or "3"; a profile holds one of these, so options are matched by value, then by text, then
 * by what the value is another name for.
 */
import { COUNTRY_CODES, countryName, isCountryCode } from '@/lib/profile';
import { COUNTRY_ALIASES, foldText, regionsNamed } from './regions';

/** Languages country names are tried in, besides the page's: the languages our label patterns cover. */
const COUNTRY_LANGUAGES = ['en', 'de', 'fr', 'es'];

/** Folded country name → code, per language; built on first use (250 names a language). */
const namesByLanguage = new Map<string, Map<string, string>>();

function countryNames(lang: string): Map<string, string> {
  let names = namesByLanguage.get(lang);
  if (!names) {
    names = new Map();
    for (const code of COUNTRY_CODES) {
      const name = countryName(code, lang);
      if (name !== code) names.set(foldText(name), code);
    }
    namesByLanguage.set(lang, names);
  }
  return names;
}

const aliasCodes = new Map(
  Object.entries(COUNTRY_ALIASES).flatMap(([code, names]) => names.map((name) => [foldText(name), code] as const)),
);

/** The country `value` names, as a code ("DE", "Germany", "Allemagne", "USA" → "US"), or null. */
export function countryCodeOf(value: string, languages: readonly string[]): string | null {
  const trimmed = value.trim();
  if (trimmed.length === 2 && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const key = foldText(trimmed);
  if (!key) return null;
  for (const lang of languages) {
    const code = countryNames(lang).get(key);
    if (code) return code;
  }
  return aliasCodes.get(key) ?? null;
}

/** The page's language at `element` (its nearest `lang`), if any. */
function languageAt(element: Element): string | undefined {
  const lang = element.closest('[lang]')?.getAttribute('lang')?.trim();
  return lang || undefined;
}

/** Everything else `value` may be written as: a country's code and names, a region's code and names. */
function otherNames(value: string, languages: readonly string[]): string[] {
  const names: string[] = [];
  const code = countryCodeOf(value, languages);
  if (code) names.push(code, ...languages.map((lang) => countryName(code, lang)), ...(COUNTRY_ALIASES[code] ?? []));
  for (const region of regionsNamed(value)) {
    // ISO 3166-2 ("US-CA") is how some forms key their state options.
    names.push(region.code, `${region.country}-${region.code}`, ...region.names);
  }
  return names;
}

/** Folded keys match when equal, and digit strings when they are the same number ("03" and "3"). */
function sameKey(a: string, b: string): boolean {
  return a === b || (a !== '' && /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b));
}

/**
 * The option of `select` that `value` means, or null when none does. Tried in order, so a
 * closer match wins: the exact value; the folded value or text (case, accents, spaces and
 * punctuation ignored); the value's other names (country code ↔ name in English, the page's
 * language, German, French and Spanish; US state, Canadian province and German Land code ↔
 * name); and a calling code ("+49") that exactly one option's text shows ("Germany (+49)").
 * Disabled options are skipped: a person cannot pick them either.
 */
export function matchOption(select: HTMLSelectElement, value: string): HTMLOptionElement | null {
  const options = Array.from(select.options).filter((option) => !option.disabled);
  const exact = options.find((option) => option.value === value);
  if (exact) return exact;
  const key = foldText(value);
  if (!key) return null;
  const keyed = options.map((option) => ({ option, value: foldText(option.value), text: foldText(option.text) }));
  const find = (wanted: string) =>
    keyed.find((o) => sameKey(o.value, wanted))?.option ?? keyed.find((o) => sameKey(o.text, wanted))?.option;
  const direct = find(key);
  if (direct) return direct;
  const pageLang = languageAt(select);
  const languages = [...new Set(['en', ...(pageLang ? [pageLang] : []), ...COUNTRY_LANGUAGES])];
  for (const name of otherNames(value, languages)) {
    const option = find(foldText(name));
    if (option) return option;
  }
  const callingCode = /^\+(\d{1,3})$/.exec(value.trim())?.[1];
  if (callingCode) {
    const shows = new RegExp(`\\+\\s?${callingCode}(?!\\d)`);
    const matches = options.filter((option) => shows.test(option.text) || shows.test(option.value));
    // "+1" is shown by two dozen countries; guessing one of them would be a wrong fill.
    if (matches.length === 1) return matches[0]!;
  }
  return null;
}
