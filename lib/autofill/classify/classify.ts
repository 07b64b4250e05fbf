/**
 * `classifyFields`: every fillable control of a page, with the autocomplete token it asks
 * for, its section and the signal that decided. The signals are tried as browsers' autofill
 * tries them: the page's autocomplete attribute, then heuristics over the label and names,
 * then structure (split phones, address lines, name sequences, select options).
 */
import { FIELD_TOKENS, isSecretToken, type ClassifiedField, type FieldToken } from '../types';
import { parseAutocomplete } from './autocomplete';
import { collectFields, type Found } from './collect';
import { Context } from './context';
import { ancestorNamed, inputType, maxLength } from './dom';
import type { Field } from './field';
import { guessToken } from './heuristics';
import { inferLabel, LabelIndex } from './labels';
import { sectionOf } from './sections';
import { applyStructure } from './structure';
import { attributeWords, labelWords } from './text';

/** The card, password and one-time-code tokens. */
const SECRET_TOKENS: readonly FieldToken[] = FIELD_TOKENS.filter(isSecretToken);

/** A secret token among an autocomplete value's words, valid value or not ("cc-number foo"). */
function secretIn(attribute: string | null): FieldToken | null {
  const words = (attribute ?? '').toLowerCase().split(/\s+/);
  return SECRET_TOKENS.find((token) => words.includes(token)) ?? null;
}

/** Builds a field's working record and applies the first two signals (autocomplete, heuristics). */
function toField({ element, kind, heading }: Found, labels: LabelIndex): Field {
  const label = inferLabel(element, labels);
  const placeholder = element.getAttribute('placeholder') ?? element.getAttribute('aria-label') ?? '';
  const normalizedLabel = labelWords(label);
  const hint = labelWords(placeholder);
  const names = [element.getAttribute('name'), element.getAttribute('id')].filter((v): v is string => !!v);
  const field: Field = {
    element,
    kind,
    type: kind === 'input' ? inputType(element) : '',
    label,
    words: {
      label: normalizedLabel,
      hint: hint === normalizedLabel ? '' : hint,
      names: [...new Set(names.map(attributeWords))].join(' '),
    },
    maxLength: maxLength(element),
    group: ancestorNamed(element, 'form') ?? element.getRootNode(),
    heading,
    token: 'unknown',
    reason: null,
    generic: false,
    declaredSection: null,
  };
  // Autocomplete belongs to form controls; an editor's attribute means nothing to autofill.
  const attribute = kind === 'editable' ? null : element.getAttribute('autocomplete');
  const declared = parseAutocomplete(attribute);
  // A secret is a secret whatever else the page says: a password input's autocomplete cannot
  // make it an email field, and a card or password token inside an invalid value still counts.
  const secret = secretIn(attribute);
  if (secret && !(declared && isSecretToken(declared.token))) {
    field.token = secret;
    field.reason = 'autocomplete';
    return field;
  }
  if (declared && !(field.type === 'password' && !isSecretToken(declared.token))) {
    field.token = declared.token;
    field.reason = declared.token === 'unknown' ? null : 'autocomplete';
    field.declaredSection = declared.section;
    // A valid field name we have no token for ("nickname") is still the page's answer: no guessing.
    return field;
  }
  const guess = guessToken(field);
  if (guess) {
    field.token = guess.token;
    field.reason = 'heuristic';
    field.generic = guess.generic;
  }
  return field;
}

/**
 * Classifies every fillable control under `root` (a document, an element or a shadow root):
 * inputs that take text, selects, textareas and contenteditable editors (an editor inside
 * another editor is part of it), in document order, through open shadow roots but not into
 * frames. Visibility is not considered (it is checked when filling). Card, password and
 * one-time-code fields are classified too, so callers can exclude them (`isSecretToken`).
 */
export function classifyFields(root: Document | Element | ShadowRoot): ClassifiedField[] {
  const labels = new LabelIndex();
  const context = new Context();
  const fields = collectFields(root).map((found) => toField(found, labels));
  const groups = new Map<Node, Field[]>();
  for (const field of fields) {
    const group = groups.get(field.group);
    if (group) group.push(field);
    else groups.set(field.group, [field]);
  }
  for (const group of groups.values()) applyStructure(group, context);
  return fields.map((field) => {
    // A remark in parentheses ("Mobile (for delivery texts)") does not name the field's section.
    const own = `${labelWords(field.label.replace(/\([^)]*\)/g, ' '))} ${field.words.names}`;
    const section = field.declaredSection ?? sectionOf(field.element, own, field.heading, context);
    const { element, token, reason, label } = field;
    return { element, token, section, reason: token === 'unknown' ? null : reason, label };
  });
}
