/**
 * Secrets a profile must never hold: payment cards, card security codes, passwords and
 * PINs, one-time codes, government ids. A profile is context for an assistant, which
 * reads it to draft text and offers it to forms on pages; none of these is needed for that,
 * and any of them could end up written into a page. So they are refused, with a reason.
 *
 * Detection looks for the shape of the secret itself (a Luhn-valid card number in card
 * groupings, an SSN) or for a label next to a value ("CVC 123", "password: …"), so an
 * ordinary CV, with its phone numbers, years and figures, is not taken for one.
 */
import { i18n } from '@/lib/i18n';
import type { ProfileDraft } from './draft';
import { PROFILE_TOKENS } from './fields';
import { fieldKey, linkKey, type ProblemKey, type ProfileProblems } from './problems';

/** What kind of secret was found. */
export type SecretKind = 'card' | 'cvc' | 'password' | 'oneTimeCode' | 'governmentId';

/** Luhn's checksum, which every payment card number passes (and 9 in 10 random digit strings fail). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** First digits of the card networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
const CARD_PREFIX = /^(?:2[2-7]|3[04-9]|[456])/;

/** How people write card numbers: one block, groups of four (the last shorter), or Amex and Diners 4-6-5 / 4-6-4. */
function isCardGrouping(groups: readonly string[]): boolean {
  const lengths = groups.map((group) => group.length);
  const total = lengths.reduce((sum, n) => sum + n, 0);
  if (total < 13 || total > 19) return false;
  if (lengths.length === 1) return true;
  const last = lengths[lengths.length - 1]!;
  if (lengths.slice(0, -1).every((n) => n === 4) && last >= 1 && last <= 4) return true;
  return lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6 && (last === 4 || last === 5);
}

/**
 * Where `text` holds payment card numbers (start and end offsets, in order). A run that
 * starts with "+" is a phone number, never a card.
 */
export function findCardNumbers(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const run of text.matchAll(/\+?(?<!\d)\d+(?:[ -]\d+)*/g)) {
    if (run[0].startsWith('+')) continue;
    const groups = [...run[0].matchAll(/\d+/g)];
    // Any stretch of the groups: a card number may sit between a date and a phone number.
    let start = 0;
    while (start < groups.length) {
      let digits = '';
      let last = -1;
      // A card has at most 19 digits, so no stretch grows past that: long runs cost little.
      for (let end = start + 1; end <= groups.length && digits.length <= 19; end++) {
        digits += groups[end - 1]![0];
        const window = groups.slice(start, end).map((group) => group[0]);
        if (isCardGrouping(window) && CARD_PREFIX.test(digits) && passesLuhn(digits)) last = end;
      }
      if (last < 0) {
        start++;
        continue;
      }
      const tail = groups[last - 1]!;
      found.push({ start: run.index + groups[start]!.index, end: run.index + tail.index + tail[0].length });
      start = last;
    }
  }
  return found;
}

/** Whether `text` holds a payment card number. */
export function hasCardNumber(text: string): boolean {
  return findCardNumbers(text).length > 0;
}

const SEPARATOR = String.raw`\s*(?:(?:number|no\.?|num|#)\s*)?(?:is\s*)?[:#=-]?\s*`;

const CVC = new RegExp(
  String.raw`\b(?:cvc2?|cvv2?|cvn|cid|csc|card (?:security|verification) (?:code|value|number)|security code)\b` +
    String.raw`${SEPARATOR}\d{3,4}(?!\d)`,
  'i',
);

const PASSWORD = [
  /\b(?:passwords?|passwd|pwd|pw|passcode|passphrase|passwort|mot de passe|contraseña)\s*(?:is\s*)?[:=]\s*\S/iu,
  /\bmy\s+(?:password|passcode|passphrase|pin)\s+(?:is\s+)?\S/i,
  // A card PIN has 4 digits; India's 6-digit "PIN code" is a postal code, not a secret.
  /\bpin(?:\s*(?:number|no\.?))?\s*(?:is\s*)?[:=]?\s*\d{4}(?!\d)/i,
];

const ONE_TIME_CODE = [
  new RegExp(
    String.raw`\b(?:otp|totp|one[- ]time (?:pass(?:word|code)?|code|pin)|(?:verification|confirmation|security|login|sign[- ]in|auth(?:entication)?|2fa|mfa|access) code)\b` +
      String.raw`${SEPARATOR}\d{4,8}(?!\d)`,
    'i',
  ),
  /otpauth:\/\//i,
  /\b(?:backup|recovery) codes?\s*(?:are|is)?\s*[:=-]?\s*(?=[a-z]{0,8}\d)[a-z\d]{4}[a-z\d-]{2,}/i,
];

const ID_LABELS = [
  'ssn',
  'social security(?: number| no\\.?)?',
  'social insurance(?: number| no\\.?)?',
  'sin',
  'national insurance(?: number| no\\.?)?',
  'nino',
  'passport(?: number| no\\.?)?',
  "driver'?s? licen[cs]e(?: number| no\\.?)?",
  'national id(?:entity)?(?: card)?(?: number| no\\.?)?',
  'identity card(?: number| no\\.?)?',
  'id card(?: number| no\\.?)?',
  'tax (?:id|identification number|file number)',
  'tin',
  'itin',
  'aadhaa?r',
  'bsn',
  'personnummer',
  'dni',
  'nie',
  'nif',
  'codice fiscale',
  'steuer-?id',
  'pesel',
  'cpf',
  'curp',
  'nric',
];

const GOVERNMENT_ID = [
  // A labelled id: the value right after the label starts with at most 3 letters (and a space), then digits.
  new RegExp(String.raw`\b(?:${ID_LABELS.join('|')})\b${SEPARATOR}(?=[a-z]{0,3} ?\d)([a-z\d][a-z\d -]{3,20})`, 'gi'),
  // A US social security number, written as SSNs are (area 000, 666 and 9xx are never issued).
  /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/,
  // A UK National Insurance number (AB 12 34 56 C), and India's PAN (ABCDE1234F), in capitals as issued.
  /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/,
  /\b[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]\b/,
];

/** Whether a labelled id's value has enough digits to be an id, not "passport holder since 2015"-style prose. */
function labelledIdFound(text: string): boolean {
  return [...text.matchAll(GOVERNMENT_ID[0]!)].some((match) => (match[1] ?? '').replace(/\D/g, '').length >= 5);
}

/** The kind of secret in `text`, or null. */
export function findSecret(text: string): SecretKind | null {
  if (hasCardNumber(text)) return 'card';
  if (CVC.test(text)) return 'cvc';
  if (ONE_TIME_CODE.some((pattern) => pattern.test(text))) return 'oneTimeCode';
  if (PASSWORD.some((pattern) => pattern.test(text))) return 'password';
  if (labelledIdFound(text) || GOVERNMENT_ID.slice(1).some((pattern) => pattern.test(text))) return 'governmentId';
  return null;
}

/** Why a secret is refused, naming its kind but never repeating it. */
export function secretExplanation(kind: SecretKind): string {
  return i18n.t('profileErrors.secret', [i18n.t(`profileErrors.secretKind.${kind}`)]);
}

/** Every input of a draft that holds a secret, with the explanation. */
export function secretProblems(draft: ProfileDraft): ProfileProblems {
  const problems: ProfileProblems = {};
  const scan = (key: ProblemKey, text: string) => {
    const kind = findSecret(text);
    if (kind) problems[key] = { message: secretExplanation(kind), secret: true };
  };
  scan('profile-name', draft.name);
  for (const token of PROFILE_TOKENS) {
    (draft.fields[token] ?? []).forEach((value, index) => scan(fieldKey(token, index), value));
  }
  draft.links.forEach((link, index) => {
    scan(linkKey(index, 'label'), link.label);
    scan(linkKey(index, 'url'), link.url);
  });
  scan('about', draft.about);
  return problems;
}

/** Autocomplete field names of secret kinds; `cc-` names (every card field) are secret too. */
export const SECRET_AUTOCOMPLETE_FIELDS: readonly string[] = ['current-password', 'new-password', 'one-time-code'];

/**
 * Whether a form field's `autocomplete` attribute (e.g. "billing cc-number",
 * "section-login current-password webauthn") asks for a secret kind of value, which
 * autofill must neither fill from a profile nor learn into one. Any secret field name
 * counts, even in a value the spec calls invalid: a page gets no benefit of the doubt.
 */
export function isSecretAutocomplete(autocomplete: string): boolean {
  return autocomplete
    .toLowerCase()
    .split(/\s+/)
    .some(
      (token) =>
        !token.startsWith('section-') && (token.startsWith('cc-') || SECRET_AUTOCOMPLETE_FIELDS.includes(token)),
    );
}
