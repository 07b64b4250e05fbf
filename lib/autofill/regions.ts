/**
 * Names and codes of the regions forms ask for as a state: US states, Canadian provinces and
 * German Länder. A profile stores what the user typed ("CA", "California", "Bayern"), and a
 * form's state select may list codes or names in either language, so a fill needs both.
 * Also the few common country names `Intl.DisplayNames` does not give ("USA", "UK").
 */

/** `CODE Name/Other name|…` per country, so the table stays one line per region when read. */
const TABLES: Record<string, string> = {
  US:
    'AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|' +
    'DC District of Columbia/Washington DC/Washington D.C.|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|' +
    'IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|' +
    'MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|' +
    'NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|' +
    'RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|' +
    'WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming|AS American Samoa|GU Guam|' +
    'MP Northern Mariana Islands|PR Puerto Rico|VI U.S. Virgin Islands/Virgin Islands|AA Armed Forces Americas|' +
    'AE Armed Forces Europe|AP Armed Forces Pacific',
  CA:
    'AB Alberta|BC British Columbia/Colombie-Britannique|MB Manitoba|NB New Brunswick/Nouveau-Brunswick|' +
    'NL Newfoundland and Labrador/Terre-Neuve-et-Labrador/Newfoundland|NS Nova Scotia/Nouvelle-Écosse|' +
    'NT Northwest Territories/Territoires du Nord-Ouest|NU Nunavut|ON Ontario|' +
    'PE Prince Edward Island/Île-du-Prince-Édouard|QC Quebec/Québec|SK Saskatchewan|YT Yukon/Yukon Territory',
  DE:
    'BW Baden-Württemberg|BY Bayern/Bavaria/Bavière/Baviera|BE Berlin|BB Brandenburg|HB Bremen|HH Hamburg|' +
    'HE Hessen/Hesse|MV Mecklenburg-Vorpommern/Mecklenburg-Western Pomerania|NI Niedersachsen/Lower Saxony|' +
    'NW Nordrhein-Westfalen/North Rhine-Westphalia|RP Rheinland-Pfalz/Rhineland-Palatinate|SL Saarland|' +
    'SN Sachsen/Saxony|ST Sachsen-Anhalt/Saxony-Anhalt|SH Schleswig-Holstein|TH Thüringen/Thuringia',
};

/** One state, province or Land. */
export interface Region {
  /** ISO 3166-1 alpha-2 code of its country ("US"). */
  country: string;
  /** Its code within the country, as postal addresses write it ("CA"); ISO 3166-2 without the country. */
  code: string;
  /** Its names, the official one first ("Bayern", "Bavaria"). */
  names: readonly string[];
}

/** Every region of {@link TABLES}; parsed once, on first use. */
let regions: Region[] | undefined;

function allRegions(): Region[] {
  regions ??= Object.entries(TABLES).flatMap(([country, table]) =>
    table.split('|').map((entry) => {
      const space = entry.indexOf(' ');
      return { country, code: entry.slice(0, space), names: entry.slice(space + 1).split('/') };
    }),
  );
  return regions;
}

/**
 * Folds what differs between how a page and a profile write the same thing: case, accents,
 * spaces and punctuation ("Baden-Württemberg" and "baden wurttemberg" are the same key).
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The regions `value` names, by code ("CA") or any of their names ("Bavaria"), folded. Codes
 * are unique across the tables, so at most one region matches a code.
 */
export function regionsNamed(value: string): Region[] {
  const key = foldText(value);
  if (!key) return [];
  return allRegions().filter(
    (region) => foldText(region.code) === key || region.names.some((name) => foldText(name) === key),
  );
}

/**
 * Country names forms use that `Intl.DisplayNames` does not produce: short forms ("USA"),
 * older or formal names ("Czech Republic", "Korea, Republic of"). Keyed by ISO code.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['USA', 'U.S.A.', 'United States of America', 'America'],
  GB: ['UK', 'U.K.', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  CZ: ['Czech Republic'],
  TR: ['Turkey', 'Türkiye'],
  RU: ['Russian Federation'],
  KR: ['South Korea', 'Korea, Republic of', 'Republic of Korea'],
  KP: ['North Korea', "Korea, Democratic People's Republic of"],
  NL: ['The Netherlands', 'Holland'],
  VN: ['Viet Nam'],
  IR: ['Iran, Islamic Republic of'],
  SY: ['Syrian Arab Republic'],
  LA: ["Lao People's Democratic Republic"],
  MK: ['Macedonia', 'Republic of North Macedonia'],
  CI: ['Ivory Coast', "Côte d'Ivoire"],
  CV: ['Cape Verde'],
  SZ: ['Swaziland'],
  MM: ['Burma'],
  VA: ['Vatican City', 'Holy See'],
  MD: ['Moldova, Republic of'],
  TZ: ['Tanzania, United Republic of'],
  BO: ['Bolivia, Plurinational State of'],
  VE: ['Venezuela, Bolivarian Republic of'],
  PS: ['Palestine, State of'],
};
