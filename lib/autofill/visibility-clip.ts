/**
 * The region a `clip` or `clip-path` leaves visible. Honeypot fields are hidden this way
 * ("sr-only": `clip: rect(0 0 0 0)`, `clip-path: inset(50%)`) while they keep their size and
 * stay where a click would land, so size and position alone do not show it.
 */

/** A box in viewport pixels, as `getBoundingClientRect` gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The style properties a clip is computed from. */
export interface ClipStyle {
  position: string;
  clip: string;
  clipPath: string;
}

/** The part of `a` inside `b` (zero-sized when they do not meet). */
export function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** A length in px or a percentage of `basis`; 0 when not understood (calc()): no clip is the reading that keeps a field. */
function length(token: string | undefined, basis: number): number {
  if (token === undefined) return 0;
  const value = parseFloat(token);
  if (Number.isNaN(value)) return 0;
  return token.endsWith('%') ? (value / 100) * basis : value;
}

/** The arguments of a CSS function, split on spaces and commas. */
function args(inner: string): string[] {
  return inner.split(/[\s,]+/).filter(Boolean);
}

/** `box` shrunk to the local rectangle from (x1, y1) to (x2, y2). */
function local(box: Box, x1: number, y1: number, x2: number, y2: number): Box {
  return intersect(box, { left: box.left + x1, top: box.top + y1, width: x2 - x1, height: y2 - y1 });
}

/** `clip: rect(top, right, bottom, left)`, offsets from the box's top-left corner; `auto` is the box's own edge. */
function rectRegion(inner: string, box: Box): Box | null {
  const edges = args(inner);
  if (edges.length !== 4) return null;
  const edge = (token: string, auto: number) => (token === 'auto' ? auto : parseFloat(token));
  const top = edge(edges[0]!, 0);
  const right = edge(edges[1]!, box.width);
  const bottom = edge(edges[2]!, box.height);
  const left = edge(edges[3]!, 0);
  if ([top, right, bottom, left].some(Number.isNaN)) return null;
  return local(box, left, top, right, bottom);
}

/** `inset(t [r [b [l]]] [round …])`, with the shorthand's one to four values. */
function insetRegion(inner: string, box: Box): Box {
  const [t, r = t, b = t, l = r] = args(inner.split(/\bround\b/)[0] ?? '');
  const { width: w, height: h } = box;
  return local(box, length(l, w), length(t, h), w - length(r, w), h - length(b, h));
}

const KEYWORD_POSITIONS: Record<string, string> = {
  left: '0%',
  top: '0%',
  center: '50%',
  right: '100%',
  bottom: '100%',
};

/** The bounding box of `circle(r at x y)` or `ellipse(rx ry at x y)`. */
function roundRegion(shape: string, inner: string, box: Box): Box {
  const [size = '', position = ''] = inner.split(/\bat\b/);
  const [px = '50%', py = '50%'] = args(position).map((token) => KEYWORD_POSITIONS[token] ?? token);
  const { width: w, height: h } = box;
  const cx = length(px, w);
  const cy = length(py, h);
  const side = (token: string | undefined, near: number, far: number, basis: number) => {
    if (token === undefined || token === 'closest-side') return near;
    if (token === 'farthest-side') return far;
    return length(token, basis);
  };
  const radii = args(size);
  const nearX = Math.min(cx, w - cx);
  const nearY = Math.min(cy, h - cy);
  const farX = Math.max(cx, w - cx);
  const farY = Math.max(cy, h - cy);
  let rx: number;
  let ry: number;
  if (shape === 'circle') {
    // A circle's percentage is of the box's normalised diagonal (CSS Shapes).
    rx = ry = side(radii[0], Math.min(nearX, nearY), Math.max(farX, farY), Math.hypot(w, h) / Math.SQRT2);
  } else {
    rx = side(radii[0], nearX, farX, w);
    ry = side(radii[1], nearY, farY, h);
  }
  return local(box, cx - rx, cy - ry, cx + rx, cy + ry);
}

/** The bounding box of `polygon([fill-rule,] x y, …)`. */
function polygonRegion(inner: string, box: Box): Box | null {
  const points = inner
    .split(',')
    .map((pair) => args(pair))
    .filter((pair) => pair.length === 2);
  if (points.length === 0) return null;
  const xs = points.map(([x]) => length(x, box.width));
  const ys = points.map(([, y]) => length(y, box.height));
  return local(box, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
}

/** What `clipPath` leaves visible; null when it does not clip or is a shape we cannot measure (url(), path()). */
function clipPathRegion(clipPath: string, box: Box): Box | null {
  const match = /^(inset|circle|ellipse|polygon)\((.*)\)/.exec(clipPath.trim());
  if (!match) return null;
  const [, shape = '', inner = ''] = match;
  if (shape === 'inset') return insetRegion(inner, box);
  if (shape === 'polygon') return polygonRegion(inner, box);
  return roundRegion(shape, inner, box);
}

/**
 * The part of `box` (an element's border box) its `clip` and `clip-path` leave visible, in
 * viewport pixels; null when neither clips. `clip` applies only to absolutely positioned
 * boxes, as in CSS, and an unreadable `clip: rect()` counts as hiding everything, since no
 * ordinary form field is clipped at all.
 */
export function clipRegion(style: ClipStyle, box: Box): Box | null {
  let region: Box | null = null;
  const rect = /^rect\((.*)\)$/.exec(style.clip.trim());
  if (rect && (style.position === 'absolute' || style.position === 'fixed')) {
    region = rectRegion(rect[1] ?? '', box) ?? { left: box.left, top: box.top, width: 0, height: 0 };
  }
  const path = clipPathRegion(style.clipPath, box);
  if (!path) return region;
  return region ? intersect(region, path) : path;
}
