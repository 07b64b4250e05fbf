/**
 * How pages hide text from people while leaving it in the DOM, where a model would read
 * it: each rule answers from computed style and layout, as a browser renders the page.
 * Why: hidden text is the usual carrier of prompt injection (issue "Nothing leaves,
 * nothing sneaks in").
 */

/** An opaque colour, or null when it is transparent or not understood. */
export type Rgb = readonly [number, number, number];

/** A computed `rgb()`/`rgba()` colour (comma or space syntax) and its alpha; null if not one. */
function parseColor(value: string): { rgb: Rgb; alpha: number } | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (!match) return null;
  const a = match[4];
  const alpha = a === undefined ? 1 : a.endsWith('%') ? parseFloat(a) / 100 : parseFloat(a);
  return { rgb: [Number(match[1]), Number(match[2]), Number(match[3])], alpha };
}

/** Below this alpha a colour is not seen. */
const INVISIBLE_ALPHA = 0.05;

/** The colour if it is visible at all; null for transparent or unparsed values. */
export function opaqueColor(value: string): Rgb | null {
  const color = parseColor(value);
  return color && color.alpha >= INVISIBLE_ALPHA ? color.rgb : null;
}

/** Whether `value` is a computed colour a reader cannot see at all (fully transparent). */
export function transparentColor(value: string): boolean {
  const color = parseColor(value);
  return color ? color.alpha < INVISIBLE_ALPHA : value === 'transparent';
}

/** Text this close to its background (sum of channel differences) cannot be read. */
const SAME_COLOUR = 24;

export function sameColour(a: Rgb, b: Rgb): boolean {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= SAME_COLOUR;
}

/** Layout of the live page, when the browser computed one (a DOM without layout reports zero sizes). */
export interface Layout {
  /** Document size and scroll offset, to tell "off-screen" from "below the fold". */
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
}

/** The page's layout, or null when there is none to ask (an unrendered document, happy-dom). */
export function layoutOf(doc: Document): Layout | null {
  const root = doc.documentElement;
  const view = doc.defaultView;
  if (!view || !doc.body) return null;
  const box = doc.body.getBoundingClientRect();
  if (box.width === 0 && box.height === 0 && root.scrollWidth === 0) return null;
  return {
    width: Math.max(root.scrollWidth, view.innerWidth),
    height: Math.max(root.scrollHeight, view.innerHeight),
    scrollX: view.scrollX,
    scrollY: view.scrollY,
  };
}

const clipsEverything = (cs: CSSStyleDeclaration) =>
  /^rect\(\s*0(px)?[,\s]+0(px)?[,\s]+0(px)?[,\s]+0(px)?\s*\)$/.test(cs.clip) ||
  /^inset\(\s*50%/.test(cs.clipPath) ||
  cs.clipPath === 'circle(0px at 50% 50%)';

const hidesOverflow = (cs: CSSStyleDeclaration) =>
  ['hidden', 'clip'].includes(cs.overflowX) || ['hidden', 'clip'].includes(cs.overflowY) || cs.overflow === 'hidden';

/**
 * Whether `el` and everything in it is invisible by layout: a zero-size box that clips its
 * content, a 1-px "screen-reader only" block, or a box positioned or transformed entirely
 * off the page.
 */
export function hiddenByLayout(el: Element, cs: CSSStyleDeclaration, layout: Layout): boolean {
  if (cs.display === 'contents' || cs.display === 'inline') return false;
  const box = el.getBoundingClientRect();
  if ((box.width === 0 || box.height === 0) && hidesOverflow(cs)) return true;
  const positioned = cs.position === 'absolute' || cs.position === 'fixed';
  if (positioned && ((box.width <= 1 && box.height <= 1) || clipsEverything(cs))) return true;
  if (!positioned && cs.transform === 'none' && cs.position !== 'relative') return false;
  const fixed = cs.position === 'fixed';
  const left = box.left + (fixed ? 0 : layout.scrollX);
  const top = box.top + (fixed ? 0 : layout.scrollY);
  return left + box.width <= 0 || top + box.height <= 0 || left >= layout.width || top >= layout.height;
}

/** Whether the text directly in an element with this style is invisible (its children decide for themselves). */
export function ownTextHidden(cs: CSSStyleDeclaration, background: Rgb | null): boolean {
  if (cs.visibility === 'hidden' || cs.visibility === 'collapse') return true;
  if (parseFloat(cs.fontSize) === 0) return true;
  if (parseFloat(cs.textIndent) <= -999) return true;
  if (transparentColor(cs.color)) return true;
  const colour = opaqueColor(cs.color);
  return colour !== null && background !== null && sameColour(colour, background);
}

/**
 * The background text is drawn on, for the element with this style: its own colour if it
 * paints one, unknown (null) if it paints an image (text on a picture cannot be judged),
 * else its parent's.
 */
export function backgroundFor(cs: CSSStyleDeclaration, parent: Rgb | null): Rgb | null {
  if (cs.backgroundImage && cs.backgroundImage !== 'none') return null;
  return opaqueColor(cs.backgroundColor) ?? parent;
}
