import { afterEach, expect, test } from 'vitest';
import type { Window } from 'happy-dom';
import { classifyFields, isQuestionField, isQuestionLabel } from '@/lib/autofill/classify';
import { openPage } from '../bench/autofill-classify';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** Classifies one control and asks whether it is a question. */
function question(control: string, lang = 'en'): boolean {
  const { window, document } = openPage(
    `<!doctype html><html lang="${lang}"><body><form>${control}</form></body></html>`,
  );
  windows.push(window);
  const [field] = classifyFields(document);
  return isQuestionField(field!);
}

test.each([
  ['<textarea aria-label="Why do you want to work here?"></textarea>', 'en'],
  ['<textarea aria-label="Describe your experience with TypeScript"></textarea>', 'en'],
  ['<textarea aria-label="Cover letter"></textarea>', 'en'],
  ['<textarea aria-label="Please tell us about a project you are proud of"></textarea>', 'en'],
  ['<input aria-label="What is your favourite tool for testing?">', 'en'],
  ['<input maxlength="500" aria-label="How did you find out about this role">', 'en'],
  ['<div contenteditable aria-label="Tell us about yourself"></div>', 'en'],
  ['<textarea aria-label="Warum möchten Sie bei uns arbeiten?"></textarea>', 'de'],
  ['<textarea aria-label="Beschreiben Sie Ihre Erfahrung mit Kundenservice"></textarea>', 'de'],
  ['<textarea aria-label="Motivationsschreiben"></textarea>', 'de'],
  ['<textarea aria-label="Pourquoi ce poste vous intéresse"></textarea>', 'fr'],
  ['<textarea aria-label="Décrivez votre parcours"></textarea>', 'fr'],
  ['<textarea aria-label="Quelles sont vos motivations"></textarea>', 'fr'],
  ['<textarea aria-label="¿Por qué quieres trabajar con nosotros?"></textarea>', 'es'],
  ['<textarea aria-label="Describa su experiencia en ventas"></textarea>', 'es'],
  ['<textarea aria-label="Cuéntenos sobre usted"></textarea>', 'es'],
])('%s is a question', (control, lang) => {
  expect(question(control, lang)).toBe(true);
});

test.each([
  // Structured fields are never questions, whatever their label says.
  ['<textarea aria-label="Address"></textarea>', 'en'],
  ['<input aria-label="What is your email address?">', 'en'],
  ['<textarea aria-label="Rechnungsadresse"></textarea>', 'de'],
  // Short inputs and non-text controls are not free text.
  ['<input maxlength="40" aria-label="Why do you want to work here?">', 'en'],
  ['<input type="number" aria-label="How many years of experience?">', 'en'],
  ['<select aria-label="How did you hear about us?"><option>Friend</option></select>', 'en'],
  // Labels that are not questions or prompts.
  ['<textarea aria-label="Notes"></textarea>', 'en'],
  ['<textarea aria-label="Anmerkungen"></textarea>', 'de'],
  ['<textarea aria-label="Commentaires"></textarea>', 'fr'],
  ['<textarea aria-label="Observaciones"></textarea>', 'es'],
  ['<textarea></textarea>', 'en'],
  // Secrets never are, even with a question for a label.
  ['<input type="password" aria-label="What is your password?">', 'en'],
  ['<input aria-label="What is your card number?">', 'en'],
])('%s is not a question', (control, lang) => {
  expect(question(control, lang)).toBe(false);
});

test('a question label ends with a question mark (even before a required mark) or starts with a prompt', () => {
  expect(isQuestionLabel('Anything else we should know? *')).toBe(true);
  expect(isQuestionLabel('¿Cuál es tu disponibilidad?')).toBe(true);
  expect(isQuestionLabel('Explain a hard bug you fixed')).toBe(true);
  expect(isQuestionLabel('Comments')).toBe(false);
  expect(isQuestionLabel('')).toBe(false);
});
