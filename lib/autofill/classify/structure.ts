/**
 * The structural passes, run after the heuristics on each form's fields in order: select
 * sniffing, date parts, split phones, address lines, name sequences and passwords. They only
 * change fields the page did not declare; a changed field's reason becomes 'structure'.
 */
import type { FieldToken } from '../types';
import type { Context } from './context';
import { isElement, isIdRoot } from './dom';
import { restructure, type Field } from './field';
import { textOf } from './labels';
import { sniffSelect, type SelectShape } from './options';
import { BIRTH_CONTEXT, DATE_PART, EXPIRY_CONTEXT, SIGN_UP } from './patterns-early';
import { numberAddressLines, splitNames, splitPhones } from './sequences';
import { normalize } from './text';

/** Heuristic select tokens the options may overrule (a "Country code" select of ISO codes). */
const SNIFFABLE = new Set<FieldToken>(['unknown', 'country', 'tel-country-code', 'address-level1', 'address-level2']);

type DatePart = 'day' | 'month' | 'year';

const DATE_TOKENS: Record<'bday' | 'cc-exp', Record<DatePart, FieldToken | null>> = {
  bday: { day: 'bday-day', month: 'bday-month', year: 'bday-year' },
  // Cards have no expiry day.
  'cc-exp': { day: null, month: 'cc-exp-month', year: 'cc-exp-year' },
};

function shapePart(shape: SelectShape | null): DatePart | null {
  if (shape?.shape === 'day' || shape?.shape === 'month' || shape?.shape === 'year') return shape.shape;
  return null;
}

/** The date part a field's own words name, when they name nothing else ("Day", "MM", "Año"). */
function namedPart(field: Field): DatePart | null {
  const label = field.words.label || field.words.hint;
  for (const part of ['day', 'month', 'year'] as const) {
    if (label.split(' ').length <= 3 && DATE_PART[part].test(label)) return part;
  }
  for (const part of ['day', 'month', 'year'] as const) if (DATE_PART[part].test(field.words.names)) return part;
  return null;
}

/** Birth date or card expiry, from the nearest container or heading that says. */
function dateKind(field: Field, context: Context): 'bday' | 'cc-exp' | null {
  for (const text of context.around(field.element, field.heading)) {
    if (BIRTH_CONTEXT.test(text)) return 'bday';
    if (EXPIRY_CONTEXT.test(text)) return 'cc-exp';
  }
  return null;
}

/** A year select's range says which: birth years lie in the past, expiry years ahead. */
function kindFromYears(shape: SelectShape | null): 'bday' | 'cc-exp' | null {
  if (shape?.shape !== 'year') return null;
  const now = new Date().getFullYear();
  if (shape.min >= now - 1) return 'cc-exp';
  return shape.max <= now ? 'bday' : null;
}

/**
 * Selects by their options, then date parts. A day, month or year (by its options or its
 * one-word label) is a birth date or a card expiry by its context, by its years, or else by
 * a neighbour already decided. Cards have no day, so a lone day is a birthday's.
 */
function selectsAndDates(fields: Field[], context: Context): void {
  const parts = new Map<Field, { part: DatePart; shape: SelectShape | null }>();
  for (const field of fields) {
    if (field.reason === 'autocomplete') continue;
    const shape = field.kind === 'select' && SNIFFABLE.has(field.token) ? sniffSelect(field.element) : null;
    if (
      shape &&
      (shape.shape === 'country' || shape.shape === 'address-level1' || shape.shape === 'tel-country-code')
    ) {
      restructure(field, shape.shape);
      continue;
    }
    // A date part of a known date ("Expiry" on a month select) only needs its part named.
    const dated = field.token === 'bday' || field.token === 'cc-exp';
    if (field.token !== 'unknown' && !dated) continue;
    const part = shape ? shapePart(shape) : namedPart(field);
    if (!part) continue;
    if (!dated) parts.set(field, { part, shape });
    else if (field.kind === 'select') {
      const token = DATE_TOKENS[field.token === 'bday' ? 'bday' : 'cc-exp'][part];
      if (token) restructure(field, token);
    }
  }
  const decided = new Map<Field, 'bday' | 'cc-exp'>();
  for (const [field, { part, shape }] of parts) {
    const kind = dateKind(field, context) ?? kindFromYears(shape) ?? (part === 'day' ? 'bday' : null);
    if (kind) decided.set(field, kind);
  }
  for (const [field, { part }] of parts) {
    const i = fields.indexOf(field);
    const kind = decided.get(field) ?? decided.get(fields[i - 1]!) ?? decided.get(fields[i + 1]!);
    const token = kind ? DATE_TOKENS[kind][part] : null;
    if (token) restructure(field, token);
  }
}

const PASSWORDS = new Set<FieldToken>(['new-password', 'current-password']);

/** Words of a group's buttons and headings, which say whether it signs up or signs in. */
function purpose(group: Field[]): string {
  const container = group[0]?.group;
  const parts = group.map((field) => (field.heading ? textOf(field.heading) : ''));
  if (container && (isElement(container) || isIdRoot(container))) {
    for (const el of container.querySelectorAll('button, input[type="submit"], h1, h2, h3')) {
      parts.push(el.localName === 'input' ? (el.getAttribute('value') ?? '') : textOf(el));
    }
  }
  return normalize(parts.join(' '));
}

/**
 * Passwords and user names. A bare "Password" is a new one when the form has another password
 * (a confirmation) or signs up; else the current one. A text box no rule recognized just
 * before a form's first password is its user name: sign-in forms ask for the account first,
 * whatever they call it ("Member number", "Kundennummer").
 */
function passwords(group: Field[]): void {
  const found = group.filter((field) => PASSWORDS.has(field.token));
  const first = found[0];
  if (!first) return;
  const generic = found.filter((field) => field.generic);
  if (generic.length > 0 && (found.length >= 2 || SIGN_UP.test(purpose(group)))) {
    for (const field of generic) restructure(field, 'new-password');
  }
  const before = group[group.indexOf(first) - 1];
  if (before && before.token === 'unknown' && before.kind === 'input' && before.type !== 'password') {
    restructure(before, 'username');
  }
}

/** Runs the structural passes on one group of neighbouring fields (a form's, in order). */
export function applyStructure(group: Field[], context: Context): void {
  selectsAndDates(group, context);
  splitPhones(group);
  numberAddressLines(group);
  splitNames(group);
  passwords(group);
}
