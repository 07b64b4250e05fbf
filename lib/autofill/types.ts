/**
 * What form autofill knows about a page's fields (issue 13): the HTML autocomplete token a
 * field asks for, the section it belongs to, and which signal said so.
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field
 */

/** Tokens a field can be classified as (WHATWG names), besides `unknown`. */
export const FIELD_TOKENS = [
  'name',
  'given-name',
  'additional-name',
  'family-name',
  'email',
  'tel',
  'tel-country-code',
  'tel-national',
  'tel-area-code',
  'tel-local',
  'tel-local-prefix',
  'tel-local-suffix',
  'tel-extension',
  'organization',
  'organization-title',
  'street-address',
  'address-line1',
  'address-line2',
  'address-line3',
  'address-level1',
  'address-level2',
  'postal-code',
  'country',
  'country-name',
  'bday',
  'bday-day',
  'bday-month',
  'bday-year',
  'url',
  'username',
  'new-password',
  'current-password',
  'one-time-code',
  'cc-name',
  'cc-given-name',
  'cc-family-name',
  'cc-number',
  'cc-exp',
  'cc-exp-month',
  'cc-exp-year',
  'cc-csc',
  'cc-type',
] as const;

/** An autocomplete token, or `unknown` when no signal was sure. */
export type FieldToken = (typeof FIELD_TOKENS)[number] | 'unknown';

/** Which part of a checkout form a field is in; everything not billing or shipping is `other`. */
export type FieldSection = 'billing' | 'shipping' | 'other';

/** The signal that decided the token, strongest first. `null` for `unknown` fields. */
export type FieldReason = 'autocomplete' | 'heuristic' | 'structure' | 'model';

/** A control autofill can fill: an input, select, textarea or contenteditable element. */
export type FillableElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLElement;

/** One fillable control of a page, as `classifyFields` sees it. */
export interface ClassifiedField {
  element: FillableElement;
  token: FieldToken;
  section: FieldSection;
  reason: FieldReason | null;
  /** The inferred label ("Why do you want to work here?"), whitespace collapsed; '' when none. */
  label: string;
}

/** Card, password and one-time-code tokens: detected only so they are never suggested, filled, stored or sent to a model. */
export function isSecretToken(token: FieldToken): boolean {
  return token.startsWith('cc-') || token.endsWith('-password') || token === 'one-time-code';
}
