/**
 * Overlays that let clicks through (issue 13's clickjacking page): an element drawn over a
 * field with `pointer-events: none` is invisible to `elementFromPoint`, so the fill-time
 * hit test sees the field while the user sees the overlay. To see what is really drawn on
 * top, the hit test is repeated once with every element's pointer events on (a constructed
 * style sheet adopted for that one synchronous call: CSSOM, no DOM mutation, no layout
 * change), and an element above the field that paints a mostly opaque background counts
 * as covering it. Transparent decorations (floating labels, focus rings) do not.
 */

/** Background alpha from which an element hides what is under it. */
const OPAQUE = 0.5;

let probeSheet: CSSStyleSheet | null = null;

/** Whether an opaque element that lets clicks through is drawn over the centre of `field`. */
export function coveredByOverlay(field: Element): boolean {
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  const rect = field.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  probeSheet ??= sheet();
  const before = doc.adoptedStyleSheets;
  doc.adoptedStyleSheets = [...before, probeSheet];
  // A field in a shadow tree is hit-tested in its own tree, so its host does not count as covering it.
  const root = field.getRootNode();
  const scope = root instanceof view.ShadowRoot ? root : doc;
  let stack: Element[];
  try {
    stack = scope.elementsFromPoint(x, y);
  } finally {
    doc.adoptedStyleSheets = before;
  }
  const labels = 'labels' in field && field.labels instanceof view.NodeList ? Array.from(field.labels) : [];
  for (const element of stack) {
    if (element === field || field.contains(element) || element.contains(field)) return false;
    if (labels.some((label) => label === element || label.contains(element))) continue;
    if (paintsOpaque(element, view)) return true;
  }
  return false;
}

function paintsOpaque(element: Element, view: Window): boolean {
  const style = view.getComputedStyle(element);
  if (style.backgroundImage !== 'none') return true;
  const alpha = /rgba?\([^)]*?,\s*([\d.]+)\s*\)/.exec(style.backgroundColor)?.[1];
  const rgb = /^rgb\(/.test(style.backgroundColor);
  return rgb || (alpha !== undefined && Number(alpha) >= OPAQUE);
}

function sheet(): CSSStyleSheet {
  const probe = new CSSStyleSheet();
  probe.replaceSync('* { pointer-events: auto !important; }');
  return probe;
}
