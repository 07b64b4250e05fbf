/**
 * Postal codes of the countries whose format is simple to state. Patterns accept the
 * common ways people write a code (with or without the space or hyphen, any letter case)
 * rather than one canonical form, because the value is kept exactly as typed: a form that
 * wants "SW1A1AA" gets what the user wrote, so it must already be a real code.
 * A country not listed here gets no format check, only the character check.
 */

interface PostalRule {
  pattern: RegExp;
  /** Shown in the message: "A postal code in Germany looks like 10115." */
  example: string;
}

const FIVE_DIGITS: PostalRule = { pattern: /^\d{5}$/, example: '12345' };
const FOUR_DIGITS: PostalRule = { pattern: /^\d{4}$/, example: '1234' };
const SIX_DIGITS: PostalRule = { pattern: /^\d{6}$/, example: '123456' };

const RULES: Readonly<Record<string, PostalRule>> = {
  US: { pattern: /^\d{5}(?:-\d{4})?$/, example: '94103 or 94103-1234' },
  // Canada leaves out D, F, I, O, Q and U, and W and Z as the first letter.
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, example: 'K1A 0B1' },
  GB: { pattern: /^(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i, example: 'SW1A 1AA' },
  IE: { pattern: /^[A-Z]\d[\dW] ?[\dA-Z]{4}$/i, example: 'D02 X285' },
  DE: { ...FIVE_DIGITS, example: '10115' },
  FR: { ...FIVE_DIGITS, example: '75008' },
  IT: { ...FIVE_DIGITS, example: '00184' },
  ES: { ...FIVE_DIGITS, example: '28013' },
  FI: { ...FIVE_DIGITS, example: '00100' },
  MX: { ...FIVE_DIGITS, example: '06600' },
  KR: { ...FIVE_DIGITS, example: '03187' },
  NL: { pattern: /^[1-9]\d{3} ?[A-Z]{2}$/i, example: '1012 AB' },
  BE: { ...FOUR_DIGITS, example: '1000' },
  CH: { ...FOUR_DIGITS, example: '8001' },
  AT: { ...FOUR_DIGITS, example: '1010' },
  DK: { ...FOUR_DIGITS, example: '1050' },
  NO: { ...FOUR_DIGITS, example: '0150' },
  AU: { ...FOUR_DIGITS, example: '2000' },
  NZ: { ...FOUR_DIGITS, example: '6011' },
  ZA: { ...FOUR_DIGITS, example: '8001' },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: '114 55' },
  PL: { pattern: /^\d{2}-\d{3}$/, example: '00-950' },
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1000-001' },
  JP: { pattern: /^\d{3}-?\d{4}$/, example: '100-0001' },
  BR: { pattern: /^\d{5}-?\d{3}$/, example: '01310-100' },
  IN: { pattern: /^[1-9]\d{5}$/, example: '110001' },
  CN: { ...SIX_DIGITS, example: '100000' },
  RU: { ...SIX_DIGITS, example: '101000' },
  SG: { ...SIX_DIGITS, example: '018956' },
};

/** Letters, digits, and single spaces or hyphens between them: what every country's codes are made of. */
const POSTAL_CHARACTERS = /^[\p{L}\d]+(?:[ -][\p{L}\d]+)*$/u;

/** The problem with a postal code, or null: `characters`, or the country's expected shape. */
export function postalProblem(value: string, country: string | undefined): 'characters' | { example: string } | null {
  if (!POSTAL_CHARACTERS.test(value)) return 'characters';
  const rule = country === undefined ? undefined : RULES[country];
  if (rule && !rule.pattern.test(value)) return { example: rule.example };
  return null;
}

/** Countries whose postal codes are checked for their format (for tests and the docs). */
export const POSTAL_COUNTRIES: readonly string[] = Object.keys(RULES);
