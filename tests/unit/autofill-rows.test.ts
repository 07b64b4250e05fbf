/** Issue 13, the suggestion popup's pure parts: which rows it offers, masked previews, and the combobox attributes. */
import { describe, expect, test } from 'vitest';
import { closePagesAfterEach, page } from './helpers/autofill-dom';
import { maskPreview, type ClassifiedField, type FieldToken } from '@/lib/autofill';
import { ComboboxAria } from '@/lib/autofill-ui/combobox-aria';
import { offersSomething, suggestionRows, type RowInputs } from '@/lib/autofill-ui/rows';
import type { ProfileSuggestion } from '@/lib/messaging';

closePagesAfterEach();

const SITE_OFF = { action: { kind: 'site-off' }, text: "Don't suggest on this site", detail: '' };

/** A classified field for `token`; the rows read only its token and label. */
function field(token: FieldToken, label = ''): ClassifiedField {
  const element = page('<input>').querySelector('input')!;
  return { element, token, section: 'other', reason: token === 'unknown' ? null : 'autocomplete', label };
}

const home: ProfileSuggestion = {
  profileId: 'home',
  profileName: 'Home',
  isDefault: true,
  previews: { email: 'a••@h•••.e•••••', 'given-name': 'A••' },
};
const work: ProfileSuggestion = {
  profileId: 'work',
  profileName: 'Work',
  isDefault: false,
  previews: { email: 'a••@w•••.e•••••' },
};

function rows(overrides: Partial<RowInputs> = {}) {
  const email = field('email');
  return suggestionRows({
    field: email,
    section: [email],
    profiles: [home, work],
    question: false,
    sectionChanges: 0,
    ...overrides,
  });
}

describe('suggestionRows', () => {
  test('one row per profile with a preview for the field’s token, in the profiles’ order, then the site row', () => {
    expect(rows()).toEqual([
      { action: { kind: 'profile', profileId: 'home' }, text: 'a••@h•••.e•••••', detail: 'from Home' },
      { action: { kind: 'profile', profileId: 'work' }, text: 'a••@w•••.e•••••', detail: 'from Work' },
      SITE_OFF,
    ]);
  });

  test('a profile without a value for the token has no row', () => {
    const given = field('given-name');
    expect(rows({ field: given, section: [given] }).map((row) => row.action)).toEqual([
      { kind: 'profile', profileId: 'home' },
      { kind: 'site-off' },
    ]);
  });

  test('the section row needs at least 3 section fields and 1 change, and fills from the first profile', () => {
    const section = [field('email'), field('given-name'), field('family-name')];
    const withSection = rows({ field: section[0]!, section, sectionChanges: 2 });
    expect(withSection[2]).toEqual({
      action: { kind: 'section', profileId: 'home' },
      text: 'Fill the whole section',
      detail: '2 fields from Home',
    });
    expect(withSection.filter((row) => row.action.kind === 'section')).toHaveLength(1);
    expect(rows({ section, sectionChanges: 1 })[2]!.detail).toBe('1 field from Home');

    const kinds = (inputs: Partial<RowInputs>) => rows(inputs).map((row) => row.action.kind);
    expect(kinds({ section: section.slice(0, 2), sectionChanges: 2 })).not.toContain('section');
    expect(kinds({ section, sectionChanges: 0 })).not.toContain('section');
    expect(kinds({ section, sectionChanges: 3, profiles: [] })).toEqual(['site-off']);
  });

  test('the section row names the first profile even when only another has the field’s value', () => {
    const phone = field('tel');
    const section = [phone, field('email'), field('given-name')];
    const reply = rows({ field: phone, section, sectionChanges: 2, profiles: [work, home] });
    expect(reply.map((row) => row.action)).toEqual([{ kind: 'section', profileId: 'work' }, { kind: 'site-off' }]);
  });

  test('a question offers the draft row, after the suggestions and before the site row', () => {
    const why = field('unknown', 'Why do you want to work here?');
    expect(rows({ field: why, section: [why], question: true })).toEqual([
      {
        action: { kind: 'draft' },
        text: 'Draft with Edgewise',
        detail: 'Written on this device from your notes and this page',
      },
      SITE_OFF,
    ]);
    expect(rows({ question: false }).map((row) => row.action.kind)).not.toContain('draft');
  });

  test('the site row is always last, with everything on offer', () => {
    const section = [field('email'), field('given-name'), field('family-name')];
    const all = rows({ field: section[0]!, section, sectionChanges: 3, question: true });
    expect(all.map((row) => row.action.kind)).toEqual(['profile', 'profile', 'section', 'draft', 'site-off']);
  });
});

describe('offersSomething', () => {
  test('only the site row offers nothing', () => {
    const nothing = rows({ profiles: [] });
    expect(nothing).toEqual([SITE_OFF]);
    expect(offersSomething(nothing)).toBe(false);
    expect(offersSomething([])).toBe(false);
    expect(offersSomething(rows())).toBe(true);
    expect(offersSomething(rows({ profiles: [], question: true }))).toBe(true);
  });
});

describe('maskPreview', () => {
  test.each([
    ['John Doe', 'J••• D••'],
    ['  John \n  Doe ', 'J••• D••'],
    ['Alexandria', 'A•••••'],
    ['j.doe@example.com', 'j•.d••@e•••••.c••'],
    ['+1 (415) 555-0123', '+1• (4••) 5••-0•••'],
    ['12 St James Square', '1• S• J•••• S•••••'],
    ['a', 'a•'],
    ['J. Doe', 'J•. D••'],
  ])('%j → %j', (value, preview) => {
    expect(maskPreview(value)).toBe(preview);
  });

  test.each([
    ['Zoë Ångström', 'Z•• Å•••••'],
    ['Łukasz', 'Ł•••••'],
    ['Иван Петров', 'И••• П•••••'],
    ['山田太郎', '山•••'],
    ['Ἀθῆναι', 'Ἀ•••••'],
  ])('keeps the first of a word of any script: %j → %j', (value, preview) => {
    expect(maskPreview(value)).toBe(preview);
  });

  test('a long word shows at most 5 bullets, hiding its length', () => {
    expect(maskPreview('Wolfeschlegelsteinhausenbergerdorff')).toBe('W•••••');
    expect(maskPreview('Wolfe')).toBe('W••••');
  });

  test('never shows a word longer than one character in full', () => {
    const values = ['Ada Lovelace', 'ada@home.example', 'Flat 3, 12 St James Square', '1815-12-10', 'DE', 'Zoë'];
    for (const value of values) {
      const preview = maskPreview(value);
      expect(preview).not.toContain(value);
      for (const word of value.match(/[\p{L}\p{N}]{2,}/gu) ?? []) expect(preview).not.toContain(word);
    }
  });

  // Combining marks (\p{M}) belong to their word: otherwise every Devanagari or Thai vowel sign
  // would start a new "word" and "हिन्दी" would show as "ह•िन•्द•ी", the whole value.
  test('a word with combining vowel signs (Devanagari, Thai) is masked after its first letter', () => {
    for (const value of ['हिन्दी', 'ก้อง']) {
      const preview = maskPreview(value);
      expect(preview.replaceAll('•', '')).not.toBe(value);
      expect([...preview.replaceAll('•', '')].length).toBeLessThanOrEqual(2);
    }
  });
});

describe('ComboboxAria', () => {
  const ATTRIBUTES = ['role', 'aria-expanded', 'aria-controls', 'aria-autocomplete', 'aria-haspopup'];
  const attributesOf = (element: Element) =>
    Object.fromEntries(ATTRIBUTES.map((name) => [name, element.getAttribute(name)]));

  function setup(body: string) {
    const doc = page(`${body}<div id="edgewise-popup"></div>`);
    return { doc, popup: doc.getElementById('edgewise-popup')! };
  }

  test('hold makes a text input an expanded combobox controlling the popup', () => {
    const { doc, popup } = setup('<input id="email" type="email">');
    const input = doc.getElementById('email')!;
    new ComboboxAria().hold(input, popup);
    expect(attributesOf(input)).toEqual({
      role: 'combobox',
      'aria-expanded': 'true',
      'aria-controls': 'edgewise-popup',
      'aria-autocomplete': 'list',
      'aria-haspopup': 'listbox',
    });
  });

  test('a textarea gets the aria attributes but no role', () => {
    const { doc, popup } = setup('<textarea id="why"></textarea>');
    const textarea = doc.getElementById('why')!;
    const aria = new ComboboxAria();
    aria.hold(textarea, popup);
    expect(textarea.hasAttribute('role')).toBe(false);
    expect(textarea.getAttribute('aria-expanded')).toBe('true');
    expect(textarea.getAttribute('aria-controls')).toBe('edgewise-popup');
    aria.release();
    expect(textarea.outerHTML).toBe('<textarea id="why"></textarea>');
  });

  test('a textarea keeps the page’s own role while held', () => {
    const { doc, popup } = setup('<textarea id="why" role="textbox"></textarea>');
    const textarea = doc.getElementById('why')!;
    new ComboboxAria().hold(textarea, popup);
    expect(textarea.getAttribute('role')).toBe('textbox');
  });

  test('release removes what was absent and leaves the markup as it was', () => {
    const { doc, popup } = setup('<input id="email" name="email" class="x">');
    const input = doc.getElementById('email')!;
    const before = input.outerHTML;
    const aria = new ComboboxAria();
    aria.hold(input, popup);
    aria.release();
    expect(input.outerHTML).toBe(before);
    for (const name of ATTRIBUTES) expect(input.hasAttribute(name)).toBe(false);
  });

  test('release restores the page’s own values exactly, empty ones included', () => {
    const { doc, popup } = setup(
      '<input id="q" role="searchbox" aria-expanded="false" aria-controls="site-list" aria-autocomplete="both" aria-haspopup="">',
    );
    const input = doc.getElementById('q')!;
    const before = attributesOf(input);
    const aria = new ComboboxAria();
    aria.hold(input, popup);
    expect(attributesOf(input)).toMatchObject({ role: 'combobox', 'aria-controls': 'edgewise-popup' });
    aria.release();
    expect(attributesOf(input)).toEqual(before);
    expect(input.getAttribute('aria-haspopup')).toBe('');
  });

  test('holding the same field twice still restores the page’s values, not ours', () => {
    const { doc, popup } = setup('<input id="q" aria-expanded="false">');
    const input = doc.getElementById('q')!;
    const aria = new ComboboxAria();
    aria.hold(input, popup);
    aria.hold(input, popup);
    aria.release();
    expect(input.outerHTML).toBe('<input id="q" aria-expanded="false">');
  });

  test('holding another field releases the first', () => {
    const { doc, popup } = setup('<input id="a"><input id="b" role="textbox">');
    const [a, b] = [doc.getElementById('a')!, doc.getElementById('b')!];
    const aria = new ComboboxAria();
    aria.hold(a, popup);
    aria.hold(b, popup);
    expect(a.outerHTML).toBe('<input id="a">');
    expect(b.getAttribute('role')).toBe('combobox');
    aria.release();
    expect(b.outerHTML).toBe('<input id="b" role="textbox">');
    aria.release();
    expect(b.outerHTML).toBe('<input id="b" role="textbox">');
  });
});
