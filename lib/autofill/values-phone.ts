/**
 * Splitting a stored phone number ("+1 (415) 555-0123", "+49 30 1234567", "030 1234567")
 * into the parts split phone fields ask for (`tel-country-code`, `tel-area-code`, …). The
 * profile keeps the number as the user typed it (lib/profile/validate.ts), so the split reads
 * the user's own grouping: it is the only reliable hint where an area code ends outside the
 * North American plan, whose numbers always split 3 + 3 + 4.
 */

/** A phone number's parts; digits only, except `national`, which keeps the user's spacing. */
export interface PhoneParts {
  /** Country calling code without "+" ("49"), or null when the number has none. */
  countryCode: string | null;
  /** The number after the country code, as stored ("30 1234567", "(415) 555-0123"). */
  national: string;
  nationalDigits: string;
  /** Null when the grouping does not show where it ends (one unspaced run of digits). */
  areaCode: string | null;
  local: string | null;
  localPrefix: string | null;
  localSuffix: string | null;
}

/**
 * Two-digit calling codes (ITU-T E.164). The codes are prefix-free: "1" and "7" are the
 * only one-digit codes, these are the two-digit ones, every other code has three digits. So
 * "+4930…" splits as 49 | 30… without a table of all codes.
 */
const TWO_DIGIT_CODES = new Set(
  (
    '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 ' +
    '60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'
  ).split(' '),
);

/** Countries in the North American Numbering Plan (calling code 1). */
const NANP_COUNTRIES = new Set('US CA AG AI AS BB BM BS DM DO GD GU JM KN KY LC MP MS PR SX TC TT VC VG VI'.split(' '));

function callingCodeLength(digits: string): number {
  if (digits.startsWith('1') || digits.startsWith('7')) return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

/** The rest of `text` after its first `count` digits, without the separators that follow them. */
function afterDigits(text: string, count: number): string {
  let seen = 0;
  let index = 0;
  while (index < text.length && seen < count) {
    if (/\d/.test(text[index]!)) seen++;
    index++;
  }
  return text.slice(index).replace(/^[\s./-]+/, '');
}

const shape = (groups: string[]) => groups.map((group) => group.length).join('-');

/**
 * The parts of `raw`, or null when it holds no digits. `country` (the profile's, an ISO code)
 * tells whether an unspaced number without a country code is North American.
 */
export function splitPhone(raw: string, country?: string): PhoneParts | null {
  let text = raw.trim();
  const international = /^(?:\+|00)\s*\d/.test(text);
  let countryCode: string | null = null;
  if (international) {
    text = text.replace(/^(?:\+|00)\s*/, '');
    const first = /^\d+/.exec(text)?.[0] ?? '';
    countryCode = first.slice(0, callingCodeLength(first));
    // "+49 (0) 30 …": the bracketed trunk zero is dialled only from inside the country.
    text = afterDigits(text, countryCode.length).replace(/^\(0\)\s*/, '');
  }
  let groups = text.match(/\d+/g) ?? [];
  if (groups.length === 0) return null;
  let national = text;
  let digits = groups.join('');
  if (countryCode === null && digits.length === 11 && digits.startsWith('1')) {
    // "1-800-555-0123": the leading 1 is the North American long-distance prefix, not a country code.
    const rest = afterDigits(text, 1);
    if (rest.replace(/\D/g, '').length === 10) {
      national = rest;
      groups = rest.match(/\d+/g) ?? [];
      digits = groups.join('');
    }
  }
  const nanp =
    digits.length === 10 &&
    (countryCode === '1' ||
      (countryCode === null &&
        // The user's grouping wins; only an unspaced number needs the profile's country to tell.
        (shape(groups) === '3-3-4' || (groups.length === 1 && country !== undefined && NANP_COUNTRIES.has(country)))));
  if (nanp) {
    const prefix = digits.slice(3, 6);
    const suffix = digits.slice(6);
    return {
      countryCode,
      national,
      nationalDigits: digits,
      areaCode: digits.slice(0, 3),
      local: prefix + suffix,
      localPrefix: prefix,
      localSuffix: suffix,
    };
  }
  const [area, ...localGroups] = groups;
  const hasArea = area !== undefined && localGroups.length > 0;
  const [prefix, ...suffix] = localGroups;
  return {
    countryCode,
    national,
    nationalDigits: digits,
    areaCode: hasArea ? area : null,
    local: hasArea ? localGroups.join('') : null,
    // Prefix and suffix only where the user's spacing shows them: inventing a split is worse than none.
    localPrefix: prefix !== undefined && suffix.length > 0 ? prefix : null,
    localSuffix: prefix !== undefined && suffix.length > 0 ? suffix.join('') : null,
  };
}
