/** The hidden-text rules (lib/extract/hidden.ts) on computed-style values as Chromium reports them. */
import { describe, expect, test } from 'vitest';
import { backgroundFor, opaqueColor, ownTextHidden, sameColour, transparentColor } from '@/lib/extract/hidden';

/** A computed style with only the fields the rules read. */
const style = (fields: Partial<Record<string, string>>) =>
  ({
    visibility: 'visible',
    fontSize: '16px',
    textIndent: '0px',
    color: 'rgb(17, 17, 17)',
    backgroundColor: 'rgba(0, 0, 0, 0)',
    backgroundImage: 'none',
    ...fields,
  }) as unknown as CSSStyleDeclaration;

describe('colours', () => {
  test.each([
    ['rgb(1, 2, 3)', [1, 2, 3]],
    ['rgba(1, 2, 3, 0.5)', [1, 2, 3]],
    ['rgb(1 2 3 / 50%)', [1, 2, 3]],
    ['rgba(0, 0, 0, 0)', null],
    ['transparent', null],
    ['color(srgb 1 0 0)', null],
  ])('%s', (value, expected) => {
    expect(opaqueColor(value)).toEqual(expected);
  });

  test('transparent ink, and near-identical colours', () => {
    expect(transparentColor('rgba(0, 0, 0, 0)')).toBe(true);
    expect(transparentColor('rgb(0 0 0 / 0%)')).toBe(true);
    expect(transparentColor('rgba(0, 0, 0, 0.6)')).toBe(false);
    expect(sameColour([18, 52, 86], [18, 52, 87])).toBe(true);
    expect(sameColour([255, 255, 255], [17, 17, 17])).toBe(false);
  });
});

describe('ownTextHidden', () => {
  const white = [255, 255, 255] as const;
  test.each([
    ['visibility hidden', { visibility: 'hidden' }, true],
    ['font-size 0', { fontSize: '0px' }, true],
    ['text-indent far left', { textIndent: '-9999px' }, true],
    ['transparent ink', { color: 'rgba(0, 0, 0, 0)' }, true],
    ['white on white', { color: 'rgb(255, 255, 255)' }, true],
    ['dark on white', {}, false],
    ['a small indent', { textIndent: '-2px' }, false],
  ])('%s', (_, fields, hidden) => {
    expect(ownTextHidden(style(fields), white)).toBe(hidden);
  });

  test('text on an image is not judged by colour (the picture may give the contrast)', () => {
    const background = backgroundFor(style({ backgroundImage: 'url(hero.jpg)' }), white);
    expect(background).toBeNull();
    expect(ownTextHidden(style({ color: 'rgb(255, 255, 255)' }), background)).toBe(false);
  });

  test('an element painting its own background is judged against it', () => {
    const navy = backgroundFor(style({ backgroundColor: 'rgb(18, 52, 86)' }), white);
    expect(navy).toEqual([18, 52, 86]);
    expect(ownTextHidden(style({ color: 'rgb(18, 52, 87)' }), navy)).toBe(true);
    expect(ownTextHidden(style({ color: 'rgb(255, 255, 255)' }), navy)).toBe(false);
  });
});
