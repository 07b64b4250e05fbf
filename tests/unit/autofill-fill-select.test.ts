import { expect, test } from 'vitest';
import { setFieldValue } from '@/lib/autofill/fill';
import { closePagesAfterEach, page } from './helpers/autofill-dom';

closePagesAfterEach();

/** A select of `options` ("value=text | value=text"), after a "Choose…" placeholder, on a page in `lang`. */
function select(options: string, lang = 'en'): HTMLSelectElement {
  const html = options
    .split('|')
    .map((option) => option.trim().split('='))
    .map(([value, text]) => `<option value="${value}">${text}</option>`)
    .join('');
  const doc = page(`<select id="s"><option value="">Choose…</option>${html}</select>`, lang);
  const element = doc.getElementById('s');
  if (!(element instanceof doc.defaultView!.HTMLSelectElement)) throw new Error('no select');
  return element;
}

/** The text of the option a fill of `value` selects, or null when the fill refused. */
function fill(options: string, value: string, lang?: string): string | null {
  const element = select(options, lang);
  return setFieldValue(element, value) ? (element.selectedOptions[0]?.text ?? '') : null;
}

const COUNTRIES = '276=Germany | 250=France | 840=United States | 124=Canada';

test('by option value, exactly, then folded', () => {
  expect(fill('de=Deutsch | DE=Germany', 'DE')).toBe('Germany');
  expect(fill('mr=Mr | ms=Ms', 'MS')).toBe('Ms');
});

test('by option text, ignoring case, accents, spaces and punctuation', () => {
  expect(fill('1=Red | 2=Light  blue', 'light-blue')).toBe('Light  blue');
  expect(fill('1=Zürich | 2=Genève', 'geneve')).toBe('Genève');
});

test('numbers match as numbers: a month "04" is option "4"', () => {
  expect(fill('3=March | 4=April', '04')).toBe('April');
});

test('a country code finds its name, in English, the page language, German, French or Spanish', () => {
  expect(fill(COUNTRIES, 'DE')).toBe('Germany');
  expect(fill('a=Frankreich | b=Deutschland', 'DE')).toBe('Deutschland');
  expect(fill('a=Allemagne | b=France', 'DE')).toBe('Allemagne');
  expect(fill('a=Alemania | b=Francia', 'DE')).toBe('Alemania');
  expect(fill('a=Duitsland | b=Frankrijk', 'DE', 'nl')).toBe('Duitsland');
  expect(fill('a=Duitsland | b=Frankrijk', 'DE', 'en')).toBeNull();
});

test('a country name finds its code, and common short names their country', () => {
  expect(fill('DE=DE | FR=FR', 'Germany')).toBe('DE');
  expect(fill('DE=DE | FR=FR', 'Deutschland')).toBe('DE');
  expect(fill('us=USA | gb=UK', 'US')).toBe('USA');
  expect(fill(COUNTRIES, 'USA')).toBe('United States');
});

test('a US state, Canadian province or German Land by code or by name', () => {
  expect(fill('AZ=Arizona | CA=California | DE=Delaware', 'California')).toBe('California');
  expect(fill('5=Arizona | 6=California', 'CA')).toBe('California');
  expect(fill('US-CA=Calif.', 'California')).toBe('Calif.');
  // "DE" in a list of states is Delaware, in a list of countries Germany.
  expect(fill('8=Colorado | 9=Delaware', 'DE')).toBe('Delaware');
  expect(fill('QC=Québec | ON=Ontario', 'Quebec')).toBe('Québec');
  expect(fill('BY=Bayern | BE=Berlin', 'Bavaria')).toBe('Bayern');
  expect(fill('1=Bayern | 2=Nordrhein-Westfalen', 'NW')).toBe('Nordrhein-Westfalen');
});

test('a calling code matches the one option that shows it, never a guess among several', () => {
  expect(fill('DE=Germany (+49) | FR=France (+33)', '+49')).toBe('Germany (+49)');
  expect(fill('US=United States (+1) | CA=Canada (+1)', '+1')).toBeNull();
});

test('no matching option: false, and nothing changes or fires', () => {
  const element = select(COUNTRIES);
  element.selectedIndex = 2;
  const events: string[] = [];
  element.addEventListener('change', () => events.push('change'));
  element.addEventListener('input', () => events.push('input'));
  expect(setFieldValue(element, 'Atlantis')).toBe(false);
  expect(setFieldValue(element, '')).toBe(false);
  expect(element.selectedIndex).toBe(2);
  expect(events).toEqual([]);
});

test('a disabled option is not picked', () => {
  expect(fill('DE=Germany', 'DE')).toBe('Germany');
  const element = select('DE=Germany');
  element.options[1]!.disabled = true;
  expect(setFieldValue(element, 'DE')).toBe(false);
});

test('a select fill fires input and change, bubbling', () => {
  const element = select(COUNTRIES);
  const events: string[] = [];
  element.ownerDocument.body.addEventListener('input', () => events.push('input'));
  element.ownerDocument.body.addEventListener('change', () => events.push('change'));
  expect(setFieldValue(element, 'FR')).toBe(true);
  expect(element.value).toBe('250');
  expect(events).toEqual(['input', 'change']);
});
