/**
 * Structural passes over runs of neighbouring fields: a phone number split into boxes, an
 * address over several lines, a name over several fields. Each looks at a form's fields in
 * order, because the order and the box sizes say what a label alone cannot: three "Phone"
 * boxes of 3, 3 and 4 characters are an area code, a prefix and a line number.
 */
import type { FieldToken } from '../types';
import { restructure, sameRow, type Field } from './field';

const PHONE_PARTS = new Set<FieldToken>([
  'tel',
  'tel-national',
  'tel-area-code',
  'tel-local',
  'tel-local-prefix',
  'tel-local-suffix',
]);

/** A short box ("+", "49") before a phone box holds the country code. */
function showsPlus(field: Field): boolean {
  const el = field.element;
  const before = el.previousSibling;
  const text = before && before.nodeType === 3 ? (before.textContent ?? '').trim() : '';
  return (
    [el.getAttribute('placeholder'), el.getAttribute('value')].some((v) => v?.trim().startsWith('+')) ||
    text.endsWith('+')
  );
}

/** A field that may continue a run: not decided by the page, and either the same kind of thing or blank. */
function continues(field: Field, kinds: Set<FieldToken>): boolean {
  if (field.reason === 'autocomplete' || field.kind !== 'input') return false;
  return kinds.has(field.token) || (field.token === 'unknown' && field.label === '');
}

/** Assigns phone parts by position once a run of boxes is known. */
function assignPhone(run: Field[]): void {
  const [first] = run;
  if (!first) return;
  const country =
    first.kind === 'select' || first.token === 'tel-country-code' || (first.maxLength <= 4 && showsPlus(first));
  const rest = country ? run.slice(1) : run;
  const parts: Record<number, FieldToken[]> = {
    1: country ? ['tel-national'] : [],
    2: ['tel-area-code', 'tel-local'],
    3: ['tel-area-code', 'tel-local-prefix', 'tel-local-suffix'],
    4: ['tel-area-code', 'tel-local-prefix', 'tel-local-suffix', 'tel-extension'],
  };
  const tokens = parts[rest.length];
  if (!tokens || tokens.length === 0) return;
  if (country) restructure(first, 'tel-country-code');
  rest.forEach((field, i) => restructure(field, tokens[i]!));
}

/**
 * Split phone numbers: a run starting at a phone field (or an area or country code) continues
 * through phone boxes or unlabelled boxes while the boxes are short (at most 4 characters);
 * the first long box ends it. A country code select or a short box after "+" is the country
 * code; what follows is the national number, or area code and local parts by count.
 */
export function splitPhones(group: Field[]): void {
  for (let i = 0; i < group.length; i++) {
    const start = group[i]!;
    const previous = group[i - 1];
    // A page's own "tel" is the whole number, and a box after a short phone box continues
    // something, so neither starts a run.
    const startsRun =
      (start.token === 'tel' && start.kind === 'input' && start.reason !== 'autocomplete') ||
      start.token === 'tel-country-code' ||
      start.token === 'tel-area-code';
    if (!startsRun || (previous && previous.token.startsWith('tel') && previous.maxLength <= 4)) continue;
    const run = [start];
    for (let j = i + 1; j < group.length && run.length < 5; j++) {
      const last = run[run.length - 1]!;
      const open = last.kind === 'select' || last.maxLength <= 4 || (last === start && start.token !== 'tel');
      if (!open || !continues(group[j]!, PHONE_PARTS)) break;
      run.push(group[j]!);
    }
    if (run.length >= 2) assignPhone(run);
    i += run.length - 1;
  }
}

const ADDRESS_LINES: FieldToken[] = ['address-line1', 'address-line2', 'address-line3'];
const ADDRESS_PARTS = new Set<FieldToken>(ADDRESS_LINES);

/**
 * Address lines by count: several "Address" or "Street" fields in a row, or an address field
 * followed by unlabelled boxes beside it, are lines 1, 2 and 3 in order.
 */
export function numberAddressLines(group: Field[]): void {
  for (let i = 0; i < group.length; i++) {
    const start = group[i]!;
    if (start.token !== 'address-line1' || start.kind !== 'input') continue;
    const run = [start];
    for (let j = i + 1; j < group.length && run.length < 3; j++) {
      const next = group[j]!;
      const blank = next.token === 'unknown';
      if (!continues(next, ADDRESS_PARTS) || (blank && !sameRow(run[run.length - 1]!, next))) break;
      run.push(next);
    }
    if (run.length >= 2) run.forEach((field, k) => restructure(field, ADDRESS_LINES[k]!));
    i += run.length - 1;
  }
}

/**
 * Name sequences. A bare "Name" followed by unlabelled boxes beside it is given and family
 * name (with a middle name between when there are three); two bare "Name" boxes in a row are
 * given and family name; a bare "Name" next to a given name is the family name ("Vorname",
 * "Name"; "Prénom", "Nom") and next to a family name the given name ("Nombre", "Apellidos").
 */
export function splitNames(group: Field[]): void {
  for (let i = 0; i < group.length; i++) {
    const field = group[i]!;
    if (field.token !== 'name' || !field.generic || field.reason === 'autocomplete') continue;
    const run = [field];
    for (let j = i + 1; j < group.length && run.length < 3; j++) {
      const next = group[j]!;
      const twin = next.token === 'name' && next.generic && next.label === field.label && run.length < 2;
      const blank = next.token === 'unknown' && next.label === '' && next.kind === 'input';
      if (!(twin || blank) || !sameRow(run[run.length - 1]!, next)) break;
      run.push(next);
    }
    if (run.length >= 2) {
      const tokens: FieldToken[] =
        run.length === 3 ? ['given-name', 'additional-name', 'family-name'] : ['given-name', 'family-name'];
      run.forEach((f, k) => restructure(f, tokens[k]!));
      i += run.length - 1;
      continue;
    }
    const neighbours = [group[i - 1], group[i + 1]].map((f) => f?.token);
    if (neighbours.includes('given-name') && !neighbours.includes('family-name')) restructure(field, 'family-name');
    else if (neighbours.includes('family-name') && !neighbours.includes('given-name')) restructure(field, 'given-name');
  }
}
