/**
 * Redaction before a cloud request (issue 14): the user's profile values, email
 * addresses, phone numbers, card and IBAN numbers and street addresses become
 * placeholders (`[EMAIL_1]`); the same value is the same placeholder in every message.
 * The mapping stays in the panel: placeholders in the reply are put back here, on the
 * device, also when the model writes them a little differently (`[email 1]`, `EMAIL_1`,
 * markdown-escaped `\[EMAIL\_1\]`).
 */
import type { ChatMessage } from '@/lib/engine';
import { findCardNumbers, type ProfileToken } from '@/lib/profile';
import type { ProfileRecord } from '@/lib/store';

/** What a placeholder stands for; its name in capitals is the placeholder's. */
export type RedactionKind =
  'name' | 'email' | 'phone' | 'card' | 'iban' | 'address' | 'postcode' | 'city' | 'org' | 'date' | 'url';

/** One value taken out, and where its placeholder sits in the redacted text. */
export interface Redaction {
  placeholder: string;
  kind: RedactionKind;
  /** The value as it was in the text (the first time it was met). */
  value: string;
}

/** A message as it will be sent, with where each placeholder is (for the consent sheet's highlights). */
export interface RedactedMessage extends ChatMessage {
  marks: { start: number; end: number }[];
}

export interface RedactionResult {
  messages: RedactedMessage[];
  /** One per distinct value, in order of first appearance. Never leaves the device. */
  redactions: Redaction[];
}

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
const KIND_ORDER: readonly RedactionKind[] = [
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

interface Found {
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
function findAll(text: string, values: readonly { value: string; kind: RedactionKind }[]): Found[] {
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
function resolveOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort(
    (a, b) => a.start - b.start || b.end - a.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const kept: Found[] = [];
  for (const match of sorted) if (!kept.length || match.start >= kept.at(-1)!.end) kept.push(match);
  return kept;
}

/** How the same value is recognised again: case and spacing ignored, a phone or card by its digits. */
function sameValueKey(kind: RedactionKind, value: string): string {
  if (kind === 'phone' || kind === 'card' || kind === 'iban')
    return `${kind}:${value.replace(/[^\dA-Za-z]/g, '').toUpperCase()}`;
  return `${kind}:${value.replace(/\s+/g, ' ').toLowerCase()}`;
}

const PLACEHOLDER_NAMES = KIND_ORDER.map((kind) => kind.toUpperCase()).join('|');
/** Placeholders as sent and as models mangle them: case, a space or dash for the underscore, markdown escapes, a lost bracket. */
const PLACEHOLDER = new RegExp(
  String.raw`\\?\[\s*(${PLACEHOLDER_NAMES})(?:\\?_|[ -])(\d+)\s*\\?\]|(?<![\p{L}\p{N}_])(${PLACEHOLDER_NAMES})\\?_(\d+)(?![\p{N}])`,
  'giu',
);

/**
 * Redacts `messages` for a cloud request. A text that already holds placeholder-like
 * words (a page quoting "[EMAIL_1]") gets numbers after them, so restoring never puts a
 * value where the page had its own text.
 */
export function redactMessages(messages: readonly ChatMessage[], profiles: readonly ProfileRecord[]): RedactionResult {
  const values = profileValues(profiles);
  const taken = new Set<string>();
  for (const { content } of messages) {
    for (const match of content.matchAll(PLACEHOLDER))
      taken.add(`${(match[1] ?? match[3])!.toUpperCase()}_${match[2] ?? match[4]}`);
  }
  const byValue = new Map<string, Redaction>();
  const counts = new Map<RedactionKind, number>();
  const redactions: Redaction[] = [];
  const placeholderFor = (kind: RedactionKind, value: string): string => {
    const key = sameValueKey(kind, value);
    let redaction = byValue.get(key);
    if (!redaction) {
      let n = counts.get(kind) ?? 0;
      let name: string;
      do name = `${kind.toUpperCase()}_${++n}`;
      while (taken.has(name));
      counts.set(kind, n);
      redaction = { placeholder: `[${name}]`, kind, value };
      byValue.set(key, redaction);
      redactions.push(redaction);
    }
    return redaction.placeholder;
  };
  const redacted = messages.map(({ role, content }): RedactedMessage => {
    let out = '';
    let at = 0;
    const marks: RedactedMessage['marks'] = [];
    for (const match of resolveOverlaps(findAll(content, values))) {
      out += content.slice(at, match.start);
      const placeholder = placeholderFor(match.kind, content.slice(match.start, match.end));
      marks.push({ start: out.length, end: out.length + placeholder.length });
      out += placeholder;
      at = match.end;
    }
    return { role, content: out + content.slice(at), marks };
  });
  return { messages: redacted, redactions };
}

/** `text` with every placeholder of `redactions` put back (also mangled ones); unknown ones stay as written. */
export function restorePlaceholders(text: string, redactions: readonly Redaction[]): string {
  if (!redactions.length) return text;
  const values = new Map(redactions.map((r) => [r.placeholder.slice(1, -1), r.value]));
  return text.replace(PLACEHOLDER, (whole, kindA?: string, nA?: string, kindB?: string, nB?: string) => {
    return values.get(`${(kindA ?? kindB)!.toUpperCase()}_${nA ?? nB}`) ?? whole;
  });
}

/** Every start of a placeholder's name ("E", "EM", … "EMAIL"), longest first. */
const NAME_STARTS = [...new Set(KIND_ORDER.flatMap((kind) => [...kind].map((_, i) => kind.slice(0, kind.length - i))))]
  .sort((a, b) => b.length - a.length)
  .join('|');
/** How far from the end a placeholder could still be growing: an open `[`, or a word like `EMAIL_1` or `EMA`. */
const OPEN_TAIL = new RegExp(
  String.raw`(?:\\?\[[^\]\n]{0,24}|(?<![\p{L}\p{N}_])(?:${NAME_STARTS})(?:\\?_\d*)?|\\)$`,
  'iu',
);

/**
 * Restores a streamed reply piece by piece: a placeholder split across pieces is held
 * back until it is whole (or clearly is not one), so the user never sees `[EMA` flash by.
 */
export class StreamingRestorer {
  private held = '';

  constructor(private readonly redactions: readonly Redaction[]) {}

  /** The restored text that can be shown now. */
  push(piece: string): string {
    const text = this.held + piece;
    const tail = this.redactions.length ? (OPEN_TAIL.exec(text)?.[0] ?? '') : '';
    this.held = tail;
    return restorePlaceholders(text.slice(0, text.length - tail.length), this.redactions);
  }

  /** The end of the reply: whatever was held back. */
  flush(): string {
    const rest = restorePlaceholders(this.held, this.redactions);
    this.held = '';
    return rest;
  }
}
