/**
 * What the options of a country, state or date select look like, for `<select>` sniffing.
 * Country and month names come from `Intl` (in the four languages the patterns know: English,
 * German, French, Spanish), so no name table is shipped; states are listed for the US, Canada and
 * Germany, the regions forms in our languages most often ask for.
 */
import { normalize } from './text';

/** ISO 3166-1 alpha-2 codes in use (and XK, which forms and browsers use for Kosovo). */
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
  'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
  'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
  'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
  'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
  'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/** Country names forms use that CLDR spells otherwise. */
const COUNTRY_ALIASES =
  'usa,united states of america,uk,great britain,england,scotland,wales,russia,south korea,north korea,' +
  'czech republic,turkey,holland,ivory coast,swaziland,burma,macedonia,vatican city,eeuu,estados unidos de america';

/** US states and DC, Canadian provinces and territories, German Länder (German and English names). */
const STATE_NAMES =
  'alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,georgia,hawaii,idaho,' +
  'illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,massachusetts,michigan,minnesota,' +
  'mississippi,missouri,montana,nebraska,nevada,new hampshire,new jersey,new mexico,new york,north carolina,' +
  'north dakota,ohio,oklahoma,oregon,pennsylvania,rhode island,south carolina,south dakota,tennessee,texas,' +
  'utah,vermont,virginia,washington,west virginia,wisconsin,wyoming,district of columbia,washington dc,' +
  'puerto rico,alberta,british columbia,manitoba,new brunswick,newfoundland and labrador,nova scotia,' +
  'northwest territories,nunavut,ontario,prince edward island,quebec,saskatchewan,yukon,' +
  'baden wurttemberg,bayern,bavaria,berlin,brandenburg,bremen,hamburg,hessen,hesse,mecklenburg vorpommern,' +
  'niedersachsen,lower saxony,nordrhein westfalen,north rhine westphalia,rheinland pfalz,rhineland palatinate,' +
  'saarland,sachsen,saxony,sachsen anhalt,saxony anhalt,schleswig holstein,thuringen,thuringia';

const STATE_CODES = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK ' +
    'OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR AB BC MB NB NL NS NT NU ON PE QC SK YT ' +
    'BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH'
  ).split(' '),
);

/** The languages tried, most common first; each one's names are built only when needed. */
export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
/** One of the languages option names are read in. */
export type Language = (typeof LANGUAGES)[number];

const stateNames = new Set(STATE_NAMES.split(','));
const countryCodes = new Set(COUNTRY_CODES);
/** Built on first use per language and kept: some hundred `Intl` calls once, not per select. */
const countryNames = new Map<Language, Set<string>>();
const monthNames = new Map<Language, Set<string>>();

/** A normalized country name as compared: "Bosnia & Herzegovina" and "Bosnia and Herzegovina" are one name. */
export function countryKey(normalized: string): string {
  return normalized
    .replace(/(?:^| )(?:and|und|et|y|the)(?= |$)/g, '')
    .replace(/ +/g, ' ')
    .trim();
}

function cached(cache: Map<Language, Set<string>>, language: Language, make: () => string[]): Set<string> {
  let set = cache.get(language);
  if (!set) {
    set = new Set();
    try {
      for (const name of make()) set.add(name);
    } catch {
      // A runtime without that locale's data simply knows fewer names; codes still match.
    }
    cache.set(language, set);
  }
  return set;
}

function countryNameSet(language: Language): Set<string> {
  return cached(countryNames, language, () => {
    const display = new Intl.DisplayNames([language], { type: 'region' });
    const names = COUNTRY_CODES.map((code) => display.of(code) ?? code);
    const aliases = language === 'en' || language === 'es' ? COUNTRY_ALIASES.split(',') : [];
    return [...names, ...aliases].map((name) => countryKey(normalize(name)));
  });
}

function monthNameSet(language: Language): Set<string> {
  return cached(monthNames, language, () => {
    const long = new Intl.DateTimeFormat([language], { month: 'long', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat([language], { month: 'short', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2001, m, 15))).flatMap((d) => [
      normalize(long.format(d)),
      normalize(short.format(d)),
    ]);
  });
}

/** The code in an option like "DE", "de" or "US-CA" (a subdivision code's region part). */
function codeOf(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/^[A-Z]{2}-(?=[A-Z0-9]{1,3}$)/, '');
}

/** Whether a country key (see {@link countryKey}) is a country's name in `language`. */
export function isCountryName(key: string, language: Language): boolean {
  return countryNameSet(language).has(key);
}

/** Whether a normalized name is a US state, Canadian province or German Land. */
export function isStateName(normalized: string): boolean {
  return stateNames.has(normalized);
}

/** Whether a code as written ("DE", "de", "US-CA") is a country code and whether it is a state code. */
export function codeKind(value: string): { country: boolean; state: boolean } {
  const code = codeOf(value);
  return { country: countryCodes.has(code), state: STATE_CODES.has(code) };
}

/** Whether a normalized option text names a month in `language` (full or short: "jan", "janvier"). */
export function isMonthName(normalized: string, language: Language): boolean {
  const names = monthNameSet(language);
  return normalized.split(' ').some((word) => names.has(word));
}
