/**
 * The classifier's working record of one control, shared by the passes. Only `classify.ts`
 * turns it into the public `ClassifiedField`.
 */
import type { FieldReason, FieldSection, FieldToken, FillableElement } from '../types';
import type { ControlKind } from './dom';

/** One control as the passes see it. */
export interface Field {
  element: FillableElement;
  kind: ControlKind;
  /** The input's type (lower case); '' for selects, textareas and editors. */
  type: string;
  /** The inferred label, as reported. */
  label: string;
  /** Normalized label, placeholder and name/id words, which the patterns match. */
  words: { label: string; hint: string; names: string };
  maxLength: number;
  /** Fields of one form (or, outside forms, of one root) are neighbours for the structural passes. */
  group: Node;
  /** The last heading before the field in document order (its scope is checked where used). */
  heading: Element | null;
  token: FieldToken;
  reason: FieldReason | null;
  /** Set by a generic rule (a bare "Name" or "Password") that structure may refine. */
  generic: boolean;
  /** The section the autocomplete attribute gave, if it gave one. */
  declaredSection: FieldSection | null;
}

/** Sets a token decided by a structural pass; the page's own autocomplete word is never overridden. */
export function restructure(field: Field, token: FieldToken): void {
  if (field.reason === 'autocomplete' || field.token === token) return;
  field.token = token;
  field.reason = token === 'unknown' ? null : 'structure';
  field.generic = false;
}

/** Whether two fields sit side by side: one parent, or wrappers that share one. */
export function sameRow(a: Field, b: Field): boolean {
  const pa = a.element.parentElement;
  const pb = b.element.parentElement;
  if (!pa || !pb) return false;
  return pa === pb || (pa.parentElement !== null && pa.parentElement === pb.parentElement);
}
