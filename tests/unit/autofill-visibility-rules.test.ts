import { describe, expect, test } from 'vitest';
import { ancestorOpacity, whyNotFillable, type Box } from '@/lib/autofill/visibility';
import { closePagesAfterEach, fakeProbe, page } from './helpers/autofill-dom';

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

describe('clips', () => {
  test('clip: rect(0 0 0 0) hides an absolutely positioned field, not a static one', () => {
    const { field } = form();
    const clip = 'rect(0px, 0px, 0px, 0px)';
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[field, { clip, position: 'absolute' }]] }))).toBe(
      'clipped',
    );
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[field, { clip, position: 'static' }]] }))).toBeNull();
    const roomy = 'rect(0px, 200px, 30px, 0px)';
    expect(whyNotFillable(field, fakeProbe(field, { styles: [[field, { clip: roomy, position: 'fixed' }]] }))).toBe(
      null,
    );
  });

  test('clip-path shapes that leave almost nothing', () => {
    const { get, field } = form();
    const clipped = (clipPath: string, on: Element = field) =>
      whyNotFillable(field, fakeProbe(field, { styles: [[on, { clipPath }]] }));
    expect(clipped('inset(50%)')).toBe('clipped');
    expect(clipped('inset(0px 0px 25px 0px)')).toBe('clipped');
    expect(clipped('circle(0px at 50% 50%)')).toBe('clipped');
    expect(clipped('polygon(0px 0px, 1px 0px, 1px 1px)')).toBe('clipped');
    expect(clipped('inset(0px round 4px)')).toBeNull();
    expect(clipped('circle(50% at 50% 50%)')).toBeNull();
    expect(clipped('url("#shape")')).toBeNull();
    // On the ancestor, the region it keeps is away from the field (which is at 100..300 × 100..130).
    expect(clipped('inset(0px 0px 0px 400px)', get('grand'))).toBe('clipped');
    expect(clipped('inset(0px 0px 0px 50px)', get('grand'))).toBeNull();
  });

  test('an overflow-hiding ancestor smaller than 10 px, or away from the field, clips it', () => {
    const { get, field } = form();
    const parent = get('parent');
    const inBox = (box: Box, overflowY = 'hidden') =>
      whyNotFillable(field, fakeProbe(field, { styles: [[parent, { overflowY }]], rects: [[parent, box]] }));
    expect(inBox({ left: 100, top: 100, width: 200, height: 5 })).toBe('clipped');
    expect(inBox({ left: 100, top: 100, width: 200, height: 5 }, 'visible')).toBeNull();
    expect(inBox({ left: 0, top: 500, width: 800, height: 400 })).toBe('clipped');
    expect(inBox({ left: 0, top: 0, width: 800, height: 400 })).toBeNull();
    // overflow-y only clips up and down: a narrow box does not clip sideways.
    expect(inBox({ left: 0, top: 0, width: 5, height: 400 })).toBeNull();
  });
});

test("the body's overflow is the viewport's, not a clip of its own", () => {
  const { doc, field } = form();
  const body = doc.body;
  const probe = fakeProbe(field, {
    styles: [[body, { overflowX: 'hidden', overflowY: 'hidden' }]],
    rects: [[body, { left: 0, top: 0, width: 1280, height: 0 }]],
  });
  expect(whyNotFillable(field, probe)).toBeNull();
});

test('a positioned field escapes the overflow clip of ancestors that do not contain it', () => {
  const { get, field } = form();
  const away: Box = { left: 0, top: 500, width: 800, height: 400 };
  const layout = (fieldPosition: string, grandPosition: string) =>
    fakeProbe(field, {
      styles: [
        [field, { position: fieldPosition }],
        [get('parent'), { overflowY: 'hidden' }],
        [get('grand'), { overflowY: 'hidden', position: grandPosition }],
      ],
      rects: [
        [get('parent'), away],
        [get('grand'), away],
      ],
    });
  expect(whyNotFillable(field, layout('static', 'static'))).toBe('clipped');
  expect(whyNotFillable(field, layout('fixed', 'relative'))).toBeNull();
  // Absolute: out of the static parent's clip, but the relative grand-parent contains it.
  expect(whyNotFillable(field, layout('absolute', 'relative'))).toBe('clipped');
  expect(whyNotFillable(field, layout('absolute', 'static'))).toBeNull();
});

describe('state', () => {
  test('disabled, inside a disabled fieldset, but not inside its first legend', () => {
    const doc = page(`
      <input id="off" disabled>
      <fieldset disabled><legend><input id="legend"></legend><input id="inside"></fieldset>
      <fieldset><input id="open"></fieldset>`);
    const check = (id: string) => {
      const field = doc.getElementById(id)!;
      return whyNotFillable(field, fakeProbe(field));
    };
    expect(check('off')).toBe('disabled');
    expect(check('inside')).toBe('disabled');
    expect(check('legend')).toBeNull();
    expect(check('open')).toBeNull();
  });

  test('readonly, inert, and what autofill never writes into', () => {
    const doc = page(`
      <input id="ro" readonly><textarea id="ta" readonly></textarea><div inert><input id="inert"></div>
      <input id="box" type="checkbox"><input id="pw" type="password"><div id="plain">text</div>
      <div contenteditable="false" id="noedit"></div><select id="sel"><option>A</option></select>`);
    const check = (id: string) => {
      const field = doc.getElementById(id)!;
      return whyNotFillable(field, fakeProbe(field));
    };
    expect(check('ro')).toBe('readonly');
    expect(check('ta')).toBe('readonly');
    expect(check('inert')).toBe('inert');
    expect(check('box')).toBe('readonly');
    expect(check('pw')).toBe('readonly');
    expect(check('plain')).toBe('readonly');
    expect(check('noedit')).toBe('readonly');
    expect(check('sel')).toBeNull();
  });
});

test('the real probe runs on a DOM without layout, where every box is empty', () => {
  const { field } = form();
  expect(whyNotFillable(field)).toBe('tiny');
  expect(ancestorOpacity(field)).toBe(1);
});

test('a document without a window (a parsed copy) is never filled', () => {
  const { doc } = form();
  const copy = doc.implementation.createHTMLDocument('');
  copy.body.innerHTML = '<input id="x">';
  const field = copy.getElementById('x')!;
  expect(whyNotFillable(field, fakeProbe(field))).toBe('frame');
});
