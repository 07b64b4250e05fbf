/**
 * The page's own word on a field: its `autocomplete` attribute, parsed as the HTML standard's
 * autofill detail tokens ([section-*] [shipping|billing] [home|work|mobile|fax|pager] field
 * [webauthn]). Anything else (`on`, `off`, made-up values, tokens in the wrong order) is not a
 * valid detail and leaves the field to the heuristics.
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-detail-tokens
 */
import { FIELD_TOKENS, type FieldToken } from '../types';

/** What a valid autocomplete attribute says. */
export interface AutocompleteDetail {
  /** The field name, or `unknown` for a valid name autofill has no token for (`nickname`, `sex`...). */
  token: FieldToken;
  /** `shipping` or `billing` when the attribute says so. */
  section: 'shipping' | 'billing' | null;
  /** The `section-*` name (without the prefix), which groups fields of one of several forms. */
  group: string | null;
  /** The contact kind before a tel or email field. */
  contact: 'home' | 'work' | 'mobile' | 'fax' | 'pager' | null;
  /** Whether the attribute ends with `webauthn` (a passkey may be offered). */
  webauthn: boolean;
}

const KNOWN = new Set<string>(FIELD_TOKENS);

function isKnown(field: string): field is (typeof FIELD_TOKENS)[number] {
  return KNOWN.has(field);
}

/** Valid field names this classifier has no token for: valid, so the page has spoken, but not fillable here. */
const OTHER_FIELDS = new Set([
  'honorific-prefix',
  'honorific-suffix',
  'nickname',
  'address-level3',
  'address-level4',
  'cc-additional-name',
  'transaction-currency',
  'transaction-amount',
  'language',
  'sex',
  'photo',
  'impp',
]);

/** Field names that may follow a contact kind (home, work...): the phone tokens, email and impp. */
const CONTACT_FIELDS = new Set<string>([...FIELD_TOKENS.filter((t) => t.startsWith('tel')), 'email', 'impp']);

const CONTACT_KINDS = new Set(['home', 'work', 'mobile', 'fax', 'pager']);

function isContactKind(value: string | undefined): value is NonNullable<AutocompleteDetail['contact']> {
  return value !== undefined && CONTACT_KINDS.has(value);
}

/** The token for a valid field name: ours, or `unknown` for one we cannot use. */
function tokenFor(field: string): FieldToken | null {
  // A card holder's middle name is still card data: keep it secret rather than unknown.
  if (field === 'cc-additional-name') return 'cc-name';
  if (isKnown(field)) return field;
  return OTHER_FIELDS.has(field) ? 'unknown' : null;
}

/**
 * Parses an `autocomplete` attribute value. Returns null for anything that is not a valid
 * autofill detail (absent, empty, `on`, `off`, unknown or misordered tokens), so the caller
 * falls through to heuristics. A fax or pager number is returned as `unknown`: filling the
 * person's phone there would be wrong.
 */
export function parseAutocomplete(value: string | null | undefined): AutocompleteDetail | null {
  if (!value) return null;
  const tokens = value.toLowerCase().trim().split(/\s+/);
  const detail: AutocompleteDetail = { token: 'unknown', section: null, group: null, contact: null, webauthn: false };
  if (tokens.at(-1) === 'webauthn') {
    detail.webauthn = true;
    tokens.pop();
  }
  const field = tokens.pop();
  const token = field === undefined ? null : tokenFor(field);
  if (token === null || field === undefined) return null;
  detail.token = token;
  const kind = tokens.at(-1);
  if (CONTACT_FIELDS.has(field) && isContactKind(kind)) {
    detail.contact = kind;
    tokens.pop();
    if (kind === 'fax' || kind === 'pager') detail.token = 'unknown';
  }
  const mode = tokens.at(-1);
  if (mode === 'shipping' || mode === 'billing') {
    detail.section = mode;
    tokens.pop();
  }
  const section = tokens.at(-1);
  if (section?.startsWith('section-') && section.length > 'section-'.length) {
    detail.group = section.slice('section-'.length);
    tokens.pop();
  }
  return tokens.length === 0 ? detail : null;
}
