/**
 * Finding personal data in text for redaction (issue 14): the user's profile values and
 * the shapes of emails, phones, cards (lib/profile's one card rule), IBANs and street
 * addresses, with overlaps resolved so each stretch of text is taken out once.
 */
import { findCardNumbers, type ProfileToken } from '@/lib/profile';
import type { ProfileRecord } from '@/lib/store';

/** What a placeholder stands for; its name in capitals is the placeholder's. */
export type RedactionKind =
  'name' | 'email' | 'phone' | 'card' | 'iban' | 'address' | 'postcode' | 'city' | 'org' | 'date' | 'url';

/** The profile's tokens and what they are redacted as. The country is left: "DE" or "France" names nobody. */
const TOKEN_KINDS: Partial<Record<ProfileToken, RedactionKind>> = {
  name: 'name',
  'given-name': 'name',
  'additional-name': 'name',
  'family-name': 'name',
  email: 'email',
  tel: 'phone',
  'address-line1': 'address',
  'address-line2': 'address',
  'address-line3': 'address',
  'address-level2': 'city',
  'address-level1': 'city',
  'postal-code': 'postcode',
  organization: 'org',
  'organization-title': 'org',
  bday: 'date',
  url: 'url',
};

/** Earlier kinds win a tie on the same text (a profile's phone is a phone, not a card). */
export const KIND_ORDER: readonly RedactionKind[] = [
  'email',
  'card',
  'iban',
  'phone',
  'address',
  'url',
  'name',
  'org',
  'postcode',
  'city',
  'date',
];

const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Digits with separators, or a leading `+`/`00`: 7 to 15 digits (E.164's most). */
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d ().\-/]{5,20}\d(?![\p{L}\p{N}])/gu;
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/gu;
const STREET_WORDS = String.raw`(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Terrace|Close|Square|Crescent)`;
const ADDRESSES = [
  // "221B Baker Street", "1600 Pennsylvania Avenue NW"
  new RegExp(String.raw`${EDGE_BEFORE}\d{1,5}[A-Za-z]?\s+(?:\p{Lu}[\p{L}'.-]*\s+){1,4}${STREET_WORDS}(?!\p{L})`, 'gu'),
  // "Hauptstraße 5", "Lindenweg 12a"
  new RegExp(
    String.raw`${EDGE_BEFORE}\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring)\s+\d{1,4}[a-z]?${EDGE_AFTER}`,
    'gu',
  ),
  // "12 rue de la Paix", "Calle Mayor 5"
  new RegExp(
    String.raw`${EDGE_BEFORE}\d{1,4},?\s+(?:rue|avenue|boulevard|place|chemin|allée|impasse|quai)\s+(?:(?:de|du|des|la|le|l')\s+)*\p{Lu}[\p{L}'’-]*`,
    'giu',
  ),
  new RegExp(
    String.raw`${EDGE_BEFORE}(?:Calle|Avenida|Plaza|Paseo|Carrer)\s+(?:(?:de|del|la|los|las)\s+)*\p{Lu}[\p{L}-]*\s+\d{1,4}${EDGE_AFTER}`,
    'gu',
  ),
];

export interface Found {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** ISO 13616's check: move the first four characters to the end, letters to numbers, mod 97 is 1. */
function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/ /g, '');
  const moved = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of moved) {
    const code = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A profile value as a pattern: whole words only, any run of spaces; short values in their own case only. */
function valuePattern(value: string): RegExp {
  const body = value
    .split(/\s+/)
    .map(escapeRegExp)
    .join(String.raw`\s+`);
  return new RegExp(`${EDGE_BEFORE}${body}${EDGE_AFTER}`, value.length >= 4 ? 'giu' : 'gu');
}

/** The values of every profile, with their kinds (links' addresses too). Longest first, so "Ada Lovelace" wins over "Ada". */
export function profileValues(profiles: readonly ProfileRecord[]): { value: string; kind: RedactionKind }[] {
  const values = new Map<string, RedactionKind>();
  for (const profile of profiles) {
    for (const [token, list] of Object.entries(profile.fields) as [ProfileToken, string[] | undefined][]) {
      const kind = TOKEN_KINDS[token];
      for (const value of kind ? (list ?? []) : []) if (value.trim().length >= 2) values.set(value.trim(), kind!);
    }
    for (const link of profile.links) if (link.url) values.set(link.url, 'url');
  }
  return [...values].map(([value, kind]) => ({ value, kind })).sort((a, b) => b.value.length - a.value.length);
}

/** Every match in `text`, overlaps included. */
export function findAll(text: string, values: readonly { value: string; kind: RedactionKind }[]): Found[] {
  const found: Found[] = [];
  const add = (pattern: RegExp, kind: RedactionKind, keep: (match: string) => boolean = () => true) => {
    for (const match of text.matchAll(pattern)) {
      if (keep(match[0])) found.push({ start: match.index, end: match.index + match[0].length, kind });
    }
  };
  for (const { value, kind } of values) add(valuePattern(value), kind);
  add(EMAIL, 'email');
  for (const span of findCardNumbers(text)) found.push({ ...span, kind: 'card' });
  add(IBAN, 'iban', passesIbanCheck);
  add(PHONE, 'phone', (match) => {
    const digits = match.replace(/\D/g, '').length;
    const separated = /[ ().\-/]/.test(match) || /^(?:\+|00)/.test(match);
    return digits >= 7 && digits <= 15 && separated && !DATE_LIKE.test(match.trim());
  });
  for (const pattern of ADDRESSES) add(pattern, 'address');
  return found;
}

/** Non-overlapping matches: the earliest first, then the longest, then by {@link KIND_ORDER}. */
export function resolveOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort(
    (a, b) => a.start - b.start || b.end - a.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const kept: Found[] = [];
  for (const match of sorted) if (!kept.length || match.start >= kept.at(-1)!.end) kept.push(match);
  return kept;
}

/** How the same value is recognised again: case and spacing ignored, a phone or card by its digits. */
export function sameValueKey(kind: RedactionKind, value: string): string {
  if (kind === 'phone' || kind === 'card' || kind === 'iban')
    return `${kind}:${value.replace(/[^\dA-Za-z]/g, '').toUpperCase()}`;
  return `${kind}:${value.replace(/\s+/g, ' ').toLowerCase()}`;
}
