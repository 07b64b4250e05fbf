/**
 * Which fields ask a question a person answers in their own words ("Why do you want to work
 * here?"), so the drafting feature offers a draft there and nowhere else.
 */
import type { ClassifiedField } from '../types';
import { inputType, isEditingHost, maxLength } from './dom';
import { normalize } from './text';

/** Short text inputs hold names and numbers; an answer needs room. */
const MIN_ANSWER_LENGTH = 200;

/** How a question or a free-text prompt starts, in English, German, French and Spanish. */
const PROMPT_START = new RegExp(
  '^(?:' +
    [
      // English
      'why|what|whats|how|which|when|where|who|whom|describe|tell us|tell me|explain|please (?:describe|explain|tell|share|provide|list|summari[sz]e)',
      'share|briefly|summari[sz]e|in a few words|in your own words|cover letter|motivation|motivational|would you|do you|are you|have you|can you|if you',
      // German
      'warum|weshalb|wieso|was|wie|welche[nrs]?|wann|wo|wer|beschreiben|beschreibe|bitte beschreiben|erzahlen sie|erzahl|erklaren sie|erlautern sie',
      'anschreiben|motivationsschreiben|ihre motivation|schildern sie',
      // French
      'pourquoi|quel(?:le)?s?|comment|qu est ce|que|decrivez|decris|expliquez|parlez nous|racontez|presentez|lettre de motivation|motivation',
      // Spanish
      'por que|porque|que|como|cual(?:es)?|cuando|donde|describa|describe|describenos|explique|explica|cuentenos|cuentanos|carta de presentacion|motivacion',
    ].join('|') +
    ')(?: |$)',
);

/** Whether a label reads like a question or a prompt for free text. */
export function isQuestionLabel(label: string): boolean {
  const text = label.trim();
  if (text === '') return false;
  // "Why do you want to work here? *" and "¿Por qué…?" both end with the question mark.
  if (/\?\s*[*)]*\s*$/.test(text)) return true;
  return PROMPT_START.test(normalize(text));
}

/**
 * Whether `field` asks for a free-text answer: a textarea, an editor, or a text input with
 * room for one (no `maxlength`, or at least 200), whose label reads like a question or a
 * prompt, and which is no structured field (an address textarea is `street-address`, not a
 * question). Never true for card, password or one-time-code fields.
 */
export function isQuestionField(field: ClassifiedField): boolean {
  // Structured fields and secrets alike have a token; only unknown fields can be questions.
  if (field.token !== 'unknown') return false;
  const el = field.element;
  const roomy =
    el.localName === 'textarea' ||
    isEditingHost(el) ||
    (el.localName === 'input' && inputType(el) === 'text' && maxLength(el) >= MIN_ANSWER_LENGTH);
  return roomy && isQuestionLabel(field.label);
}
