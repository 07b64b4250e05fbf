/**
 * `<select>` sniffing: what a select asks for, read from its options when its label does not
 * say (or says something its options contradict: a "Country code" select of ISO codes is a
 * country, not a dialling code). Firefox's form autofill does the same for countries and states.
 */
import { optionsOf } from './dom';
import { codeKind, countryKey, isCountryName, isMonthName, isStateName, LANGUAGES, type Language } from './regions';
import { normalize } from './text';

/** What a select's options look like. */
export type SelectShape =
  | { shape: 'country' | 'address-level1' | 'tel-country-code' | 'day' | 'month' }
  | { shape: 'year'; min: number; max: number };

/** One option, its text normalized once for every test. */
interface Option {
  text: string;
  value: string;
  key: string;
}

/** Most options must agree before the options decide; a few "Other" or "Rest of world" rows are fine. */
const MAJORITY = 0.6;

/** Placeholder rows ("Select…", "-- Bitte wählen --", "Choisir") are no evidence either way. */
const PLACEHOLDER =
  /^(?:select|choose|please|pick|bitte|wahlen|auswahlen|choisir|choisissez|selectionner|seleccione|seleccionar|elige|elegir)\b/;

function share(options: Option[], test: (option: Option) => boolean): number {
  let hits = 0;
  for (const option of options) if (test(option)) hits++;
  return hits / options.length;
}

/**
 * The languages to read a select's option names in: its own language (the nearest `lang`, else
 * the document's) and English; all four of ours when the page does not say. Names in other
 * languages cost a few milliseconds to build, so they are built only where they may appear.
 */
function languagesOf(select: Element): readonly Language[] {
  let lang: string | null = null;
  for (let node: Element | null = select; node && lang === null; node = node.parentElement) {
    lang = node.getAttribute('lang');
  }
  lang ??= select.ownerDocument.documentElement.getAttribute('lang');
  const primary = (lang ?? '').trim().toLowerCase().split('-')[0] ?? '';
  if (primary === '') return LANGUAGES;
  const own = LANGUAGES.find((language) => language === primary);
  return own && own !== 'en' ? [own, 'en'] : ['en'];
}

/** The best share over `languages`, trying the next only while the share is short of `enough`. */
function shareIn(
  languages: readonly Language[],
  options: Option[],
  test: (option: Option, language: Language) => boolean,
  enough: number,
): number {
  let best = 0;
  for (const language of languages) {
    best = Math.max(
      best,
      share(options, (option) => test(option, language)),
    );
    if (best >= enough) break;
  }
  return best;
}

/** Options as whole numbers, or null when not all of them are. */
function numbers(options: Option[]): number[] | null {
  const out: number[] = [];
  for (const { text } of options) {
    if (!/^\d{1,4}$/.test(text)) return null;
    out.push(Number(text));
  }
  return out;
}

function dateShape(values: number[]): SelectShape | null {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (values.length >= 28 && values.length <= 32 && min >= 0 && max <= 31) return { shape: 'day' };
  if (values.length === 12 && min >= 0 && max <= 12) return { shape: 'month' };
  if (values.length >= 5 && min >= 1900 && max <= 2100) return { shape: 'year', min, max };
  return null;
}

/** Country or state, whichever more options name; null when neither has a majority. */
function placeShape(country: number, state: number): SelectShape | null {
  if (Math.max(country, state) < MAJORITY) return null;
  return { shape: state > country ? 'address-level1' : 'country' };
}

/**
 * What `select`'s options say it asks for: countries (names in English, German, French or
 * Spanish, or ISO codes), states (US, Canada, Germany; names or codes), dialling codes
 * ("+49", "Germany (+49)"), or a day, month or year. Null when the options say none of these.
 */
export function sniffSelect(select: Element): SelectShape | null {
  const options: Option[] = [];
  for (const [text, value] of optionsOf(select)) {
    const key = normalize(text);
    if (value.trim() !== '' && key !== '' && !PLACEHOLDER.test(key)) options.push({ text, value, key });
  }
  if (options.length < 3) return null;
  if (share(options, ({ text, value }) => /\+\s?\d/.test(text) || /^\+\d/.test(value)) >= MAJORITY) {
    return { shape: 'tel-country-code' };
  }
  const values = numbers(options);
  if (values) return dateShape(values);
  const languages = languagesOf(select);
  if (options.length >= 12 && options.length <= 13) {
    if (shareIn(languages, options, ({ key }, language) => isMonthName(key, language), 0.8) >= 0.8) {
      return { shape: 'month' };
    }
  }
  // Texts decide first: a state select's values ("CA", "DE") are often country codes too.
  const states = share(options, ({ text, key }) => isStateName(key) || codeKind(text).state);
  const countries = shareIn(
    languages,
    options,
    ({ text, key }, language) => codeKind(text).country || isCountryName(countryKey(key), language),
    MAJORITY,
  );
  const byText = placeShape(countries, states);
  if (byText) return byText;
  return placeShape(
    share(options, ({ value }) => codeKind(value).country),
    share(options, ({ value }) => codeKind(value).state),
  );
}
