/**
 * The heuristic pass: a token from the field's label, placeholder and name/id words (the
 * rules in `patterns.ts`), with the input's type as a strong hint and the control's kind as a
 * limit on what it can be (a select is never an email; a textarea is an address or nothing).
 */
import type { FieldToken } from '../types';
import type { ControlKind } from './dom';
import { RULES } from './patterns';

/** What the heuristics read. */
export interface Evidence {
  kind: ControlKind;
  type: string;
  words: { label: string; hint: string; names: string };
}

/** The heuristic verdict: a token, and whether it came from a generic rule. */
export interface Guess {
  token: FieldToken;
  generic: boolean;
}

/** Tokens a select can ask for: lists of places, dialling codes, date parts, card types. */
const SELECT_TOKENS = new Set<FieldToken>([
  'country',
  'address-level1',
  'address-level2',
  'tel-country-code',
  'bday-day',
  'bday-month',
  'bday-year',
  'cc-exp',
  'cc-exp-month',
  'cc-exp-year',
  'cc-type',
]);

const PASSWORD_TOKENS = new Set<FieldToken>(['new-password', 'current-password']);

/** Date inputs hold a date: a birthday or a card's expiry, nothing else. */
const DATE_TYPES = new Set(['date', 'month', 'week', 'datetime-local']);

/** Labels longer than this are prose (instructions, a question), not a field's name. */
const MAX_LABEL_WORDS = 12;

/** The token a rule's match means for this kind of control, or null when it cannot be one. */
function fit(token: FieldToken, e: Evidence): FieldToken | null {
  if (token === 'unknown') return token;
  switch (e.kind) {
    case 'select':
      return SELECT_TOKENS.has(token) ? token : null;
    case 'textarea':
    case 'editable':
      // A multi-line box is the whole street address, or not a structured field at all.
      return token === 'address-line1' ? 'street-address' : null;
    case 'input':
      if (DATE_TYPES.has(e.type)) return token.startsWith('bday') || token.startsWith('cc-exp') ? token : null;
      // One line for a country is typed as a name; a select's options may be codes or names.
      return token === 'country' ? 'country-name' : token;
  }
}

/**
 * The heuristic token for a control, or null when no rule is sure. A type=email, url or
 * password input is what its type says (a password's label only says new or current); a
 * type=tel input is a phone number unless its words name something else (a phone part, a
 * postal code, a card number or a one-time code: pages use type=tel for any digits).
 */
export function guessToken(e: Evidence): Guess | null {
  if (e.kind === 'input') {
    // A search box is never filled from a profile, whatever it is named.
    if (e.type === 'search') return null;
    if (e.type === 'email') return { token: 'email', generic: false };
    if (e.type === 'url') return { token: 'url', generic: false };
  }
  const label = e.words.label.split(' ').length > MAX_LABEL_WORDS ? '' : e.words.label;
  const texts = [label, e.words.hint, e.words.names].filter((text) => text !== '');
  const password = e.kind === 'input' && e.type === 'password';
  for (const rule of RULES) {
    if (password && !PASSWORD_TOKENS.has(rule.token)) continue;
    if (!texts.some((text) => rule.test.test(text))) continue;
    const token = fit(rule.token, e);
    if (token === 'unknown') return null;
    if (token) return { token, generic: rule.generic === true };
  }
  if (password) return { token: 'current-password', generic: true };
  if (e.kind === 'input' && e.type === 'tel') return { token: 'tel', generic: false };
  return null;
}
