import { describe, expect, test } from 'vitest';
import { ancestorOpacity, composedParent, whyNotFillable } from '@/lib/autofill/visibility';
import { FIELD_BOX, closePagesAfterEach, fakeProbe, page } from './helpers/autofill-dom';

closePagesAfterEach();

const FORM = `
  <form id="form"><div id="grand"><div id="parent">
    <label for="email" id="label"><span id="label-text">Email</span></label>
    <input id="email"><input id="other">
  </div></div></form>`;

function form() {
  const doc = page(FORM);
  const get = (id: string) => doc.getElementById(id)!;
  return { doc, get, field: get('email') };
}

test('a plain visible field may be filled', () => {
  const { field } = form();
  expect(whyNotFillable(field, fakeProbe(field))).toBeNull();
});

describe('opacity', () => {
  test('opacity 0.05 on a grand-parent makes it transparent; 0.5 does not', () => {
    const { get, field } = form();
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[get('grand'), { opacity: '0.05' }]] }))).toBe(
      'transparent',
    );
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[get('grand'), { opacity: '0.5' }]] }))).toBeNull();
  });

  test('ancestor opacities multiply: 0.3 × 0.3 is below 0.1, 0.4 × 0.4 is not', () => {
    const { get, field } = form();
    const faint = fakeProbe(field, {
      styles: [
        [get('grand'), { opacity: '0.3' }],
        [get('form'), { opacity: '0.3' }],
      ],
    });
    expect(ancestorOpacity(field, faint)).toBeCloseTo(0.09);
    expect(whyNotFillable(field, faint)).toBe('transparent');
    const light = fakeProbe(field, {
      styles: [
        [get('grand'), { opacity: '0.4' }],
        [field, { opacity: '0.4' }],
      ],
    });
    expect(ancestorOpacity(field, light)).toBeCloseTo(0.16);
    expect(whyNotFillable(field, light)).toBeNull();
  });
});

describe('hidden', () => {
  test('display none on an ancestor', () => {
    const { get, field } = form();
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[get('form'), { display: 'none' }]] }))).toBe('hidden');
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[get('form'), { display: 'flex' }]] }))).toBeNull();
  });

  test('visibility hidden or collapse, and content-visibility hidden', () => {
    const { get, field } = form();
    for (const style of [{ visibility: 'hidden' }, { visibility: 'collapse' }, { contentVisibility: 'hidden' }]) {
      expect(whyNotFillable(field, fakeProbe(field, { styles: [[field, style]] }))).toBe('hidden');
      expect(whyNotFillable(field, fakeProbe(field, { styles: [[get('parent'), style]] }))).toBe('hidden');
    }
  });

  test('a hidden ancestor of a shadow host hides the field inside its shadow root', () => {
    const doc = page('<div id="outer"><div id="host"></div></div>');
    const host = doc.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="wrap"><input id="inner"></div>';
    const field = root.getElementById('inner')!;
    expect(composedParent(root.getElementById('wrap')!)).toBe(host);
    const outer = doc.getElementById('outer')!;
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[outer, { display: 'none' }]] }))).toBe('hidden');
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[host, { opacity: '0' }]] }))).toBe('transparent');
    // elementFromPoint reports a point inside a shadow tree as its host.
    expect(whyNotFillable(field, fakeProbe(field, { hit: () => host }))).toBeNull();
    expect(whyNotFillable(field, fakeProbe(field, { hit: () => outer }))).toBe('covered');
  });

  test('a detached field is hidden', () => {
    const { doc } = form();
    const loose = doc.createElement('input');
    expect(whyNotFillable(loose, fakeProbe(loose))).toBe('hidden');
  });
});

describe('size and place', () => {
  test('9 px tall is too small; 10 px is not', () => {
    const { field } = form();
    const at = (height: number) => fakeProbe(field, { rects: [[field, { ...FIELD_BOX, height }]] });
    expect(whyNotFillable(field, at(9))).toBe('tiny');
    expect(whyNotFillable(field, at(10))).toBeNull();
    expect(whyNotFillable(field, fakeProbe(field, { rects: [[field, { ...FIELD_BOX, width: 1 }]] }))).toBe('tiny');
  });

  test('off the screen to the left, or mostly so, is off-screen; a little is not', () => {
    const { field } = form();
    const at = (left: number) => fakeProbe(field, { rects: [[field, { ...FIELD_BOX, left }]] });
    expect(whyNotFillable(field, at(-9999))).toBe('offscreen');
    expect(whyNotFillable(field, at(-120))).toBe('offscreen');
    expect(whyNotFillable(field, at(-60))).toBeNull();
    expect(whyNotFillable(field, fakeProbe(field, { rects: [[field, { ...FIELD_BOX, top: 5000 }]] }))).toBe(
      'offscreen',
    );
  });

  test('the centre of the part on screen is what is hit-tested', () => {
    const { field } = form();
    const points: [number, number][] = [];
    const probe = fakeProbe(field, {
      rects: [[field, { ...FIELD_BOX, left: -60 }]],
      hit: (x, y) => (points.push([x, y]), field),
    });
    expect(whyNotFillable(field, probe)).toBeNull();
    expect(points).toEqual([[70, 115]]);
  });
});

describe('covered', () => {
  test('another element on top covers it; nothing at all does too', () => {
    const { get, field } = form();
    expect(whyNotFillable(field, fakeProbe(field, { hit: () => get('other') }))).toBe('covered');
    expect(whyNotFillable(field, fakeProbe(field, { hit: () => get('parent') }))).toBe('covered');
    expect(whyNotFillable(field, fakeProbe(field, { hit: () => null }))).toBe('covered');
  });

  test('its own label on top, or text inside the label, is fine', () => {
    const { get, field } = form();
    expect(whyNotFillable(field, fakeProbe(field, { hit: () => get('label') }))).toBeNull();
    expect(whyNotFillable(field, fakeProbe(field, { hit: () => get('label-text') }))).toBeNull();
    // The same label is not the other field's.
    const other = get('other');
    expect(whyNotFillable(other, fakeProbe(other, { hit: () => get('label') }))).toBe('covered');
  });

  test("a contenteditable editor's own content is fine", () => {
    const doc = page('<div id="editor" contenteditable="true"><p id="line">Hello</p></div>');
    const editor = doc.getElementById('editor')!;
    expect(whyNotFillable(editor, fakeProbe(editor, { hit: () => doc.getElementById('line') }))).toBeNull();
  });
});
