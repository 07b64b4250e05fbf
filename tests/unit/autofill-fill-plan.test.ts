import { describe, expect, test } from 'vitest';
import { applyFill, planFill, readFieldValue, undoFill, type FillStep } from '@/lib/autofill/fill';
import type { ClassifiedField, FieldToken } from '@/lib/autofill/types';
import { profileValue } from '@/lib/autofill/values';
import type { ProfileFields } from '@/lib/profile';
import { closePagesAfterEach, fakeProbe, page } from './helpers/autofill-dom';

closePagesAfterEach();

const PROFILE: ProfileFields = {
  'given-name': ['Ada'],
  'family-name': ['Lovelace'],
  email: ['ada@example.org'],
  tel: ['+44 20 7946 0958'],
  country: ['GB'],
  'postal-code': ['SW1Y 4JH'],
};

const CHECKOUT = `
  <form>
    <input id="given"><input id="family" value="Byron"><input id="email" value="old@example.org">
    <input id="card"><input id="trap"><input id="postal" value="SW1Y 4JH"><input id="tel">
    <select id="country"><option value="">Choose…</option><option value="DE">Germany</option>
      <option value="GB">United Kingdom</option></select>
    <select id="ship-country"><option value="DE" selected>Germany</option><option value="GB">United Kingdom</option>
    </select>
  </form>`;

function checkout() {
  const doc = page(CHECKOUT);
  const get = (id: string) => doc.getElementById(id)!;
  const field = (id: string, token: FieldToken): ClassifiedField => ({
    element: get(id),
    token,
    section: 'billing',
    reason: 'autocomplete',
    label: id,
  });
  const fields = [
    field('given', 'given-name'),
    field('family', 'family-name'),
    field('email', 'email'),
    field('card', 'cc-number'),
    field('trap', 'email'),
    field('postal', 'postal-code'),
    field('country', 'country'),
    field('ship-country', 'country'),
    field('tel', 'tel'),
  ];
  return { doc, get, fields };
}

/** Every field drawn plainly, except #trap, which is a display:none honeypot. */
const probe = (element: Element) =>
  fakeProbe(element, element.id === 'trap' ? { styles: [[element, { display: 'none' }]] } : {});

const fromProfile = (field: ClassifiedField) =>
  field.token === 'cc-number' ? '4111 1111 1111 1111' : profileValue(field.token, PROFILE);

const ids = (steps: FillStep[]) => steps.map((step) => step.field.element.id);

describe('planFill', () => {
  test('fills empty fields only, skips secrets, honeypots and values that would not change', () => {
    const { get, fields } = checkout();
    const steps = planFill(fields, fromProfile, { target: get('given'), probe });
    // family and email hold values, and so does ship-country (a real option preselected);
    // card is secret (even given a value); trap is hidden; postal already holds the profile's value.
    expect(ids(steps)).toEqual(['given', 'country', 'tel']);
    expect(steps.map((step) => step.value)).toEqual(['Ada', 'GB', '+44 20 7946 0958']);
  });

  test('the field the user picked is filled although it holds something', () => {
    const { get, fields } = checkout();
    expect(ids(planFill(fields, fromProfile, { target: get('email'), probe }))).toEqual([
      'given',
      'email',
      'country',
      'tel',
    ]);
  });

  test('not even the picked field when it is invisible or secret', () => {
    const { get, fields } = checkout();
    expect(ids(planFill(fields, fromProfile, { target: get('trap'), probe }))).not.toContain('trap');
    expect(ids(planFill(fields, fromProfile, { target: get('card'), probe }))).not.toContain('card');
  });

  test('a select whose value has no option is left out; a field listed twice is planned once', () => {
    const { get, fields } = checkout();
    const country = fields.find((f) => f.element.id === 'country')!;
    const steps = planFill([country, country], () => 'Atlantis', { target: get('given'), probe });
    expect(steps).toEqual([]);
    expect(ids(planFill([country, country], () => 'DE', { target: get('given'), probe }))).toEqual(['country']);
  });

  test('with the real layout (none in happy-dom), nothing counts as visible', () => {
    const { get, fields } = checkout();
    expect(planFill(fields, fromProfile, { target: get('given') })).toEqual([]);
  });
});

describe('applyFill and undoFill', () => {
  test('undo restores exactly what was there, with events', () => {
    const { doc, get, fields } = checkout();
    const record = applyFill(planFill(fields, fromProfile, { target: get('email'), probe }));
    expect(record.entries).toHaveLength(4);
    expect(readFieldValue(get('email'))).toBe('ada@example.org');
    expect(readFieldValue(get('country'))).toBe('GB');
    const events: string[] = [];
    const view = doc.defaultView!;
    const idOf = (event: Event) => (event.target instanceof view.Element ? event.target.id : '');
    doc.body.addEventListener('input', (event) => events.push(`input:${idOf(event)}`));
    doc.body.addEventListener('change', (event) => events.push(`change:${idOf(event)}`));
    expect(undoFill(record)).toBe(4);
    expect(readFieldValue(get('given'))).toBe('');
    expect(readFieldValue(get('email'))).toBe('old@example.org');
    expect(readFieldValue(get('tel'))).toBe('');
    const country = get('country');
    expect(country instanceof view.HTMLSelectElement ? country.selectedIndex : null).toBe(0);
    // Last filled first.
    expect(events.filter((event) => event.startsWith('input'))).toEqual([
      'input:tel',
      'input:country',
      'input:email',
      'input:given',
    ]);
    expect(events.filter((event) => event.startsWith('change'))).toHaveLength(4);
  });

  test('undo skips fields the user edited after the fill', () => {
    const { get, fields } = checkout();
    const record = applyFill(planFill(fields, fromProfile, { target: get('email'), probe }));
    const email = get('email');
    if (!(email instanceof email.ownerDocument.defaultView!.HTMLInputElement)) throw new Error('no input');
    email.value = 'ada@typed.example';
    expect(undoFill(record)).toBe(3);
    expect(readFieldValue(email)).toBe('ada@typed.example');
    expect(readFieldValue(get('given'))).toBe('');
  });

  test('undo of a contenteditable puts back its own nodes, markup and all', () => {
    const doc = page('<div id="bio" contenteditable>I like <b id="bold">engines</b>.</div>');
    const bio = doc.getElementById('bio')!;
    const bold = doc.getElementById('bold');
    const field: ClassifiedField = { element: bio, token: 'name', section: 'other', reason: null, label: '' };
    const record = applyFill([{ field, value: 'Ada Lovelace' }]);
    expect(bio.innerHTML).toBe('Ada Lovelace');
    expect(undoFill(record)).toBe(1);
    expect(bio.innerHTML).toBe('I like <b id="bold">engines</b>.');
    expect(doc.getElementById('bold')).toBe(bold);
  });

  test('a step the field refuses is not recorded, so undo leaves it alone', () => {
    const doc = page('<input id="d" type="date" value="2020-01-02">');
    const element = doc.getElementById('d')!;
    const field: ClassifiedField = { element, token: 'bday', section: 'other', reason: 'autocomplete', label: '' };
    const record = applyFill([{ field, value: 'soon' }]);
    expect(record.entries).toEqual([]);
    expect(undoFill(record)).toBe(0);
    expect(readFieldValue(element)).toBe('2020-01-02');
  });
});
