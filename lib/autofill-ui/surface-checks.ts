/**
 * The checks that decide whether the popup is really what the user sees (issue 13; the
 * DEF CON 33 "DOM-based extension clickjacking" fixes), each a pure function of the page's
 * state: the host restyled (itself or through its pseudo-elements), something drawn over
 * it, a page element in the top layer over it (even a click-through one, even in a shadow
 * root), and, for a popup in a same-origin frame, that frame hidden or covered in its parent.
 */
import { ancestorOpacity } from '@/lib/autofill';

/** A frame faded below this is being hidden from the user (the anchor field's own threshold). */
const MIN_FRAME_OPACITY = 0.5;

/** Finds shadow roots, closed ones too where the extension's API allows (`chrome.dom.openOrClosedShadowRoot`). */
export type ShadowRootOf = (element: Element) => ShadowRoot | null;

/** Whether the page's styles change how the host is drawn, despite its locked inline styles. */
export function restyled(host: Element, win: Window): boolean {
  const style = win.getComputedStyle(host);
  if (
    style.display === 'none' ||
    style.visibility !== 'visible' ||
    Number(style.opacity) < 1 ||
    style.filter !== 'none' ||
    style.clipPath !== 'none' ||
    style.transform !== 'none' ||
    style.mixBlendMode !== 'normal'
  )
    return true;
  // A page rule can give the host a ::before or ::after that paints over the popup in the top
  // layer and hit-tests as the host itself; the host never has one of its own.
  return ['::before', '::after'].some((pseudo) => win.getComputedStyle(host, pseudo).content !== 'none');
}

/** Five points of `rect`: its centre and one near each corner. */
function samplePoints(rect: DOMRect): [number, number][] {
  const inset = Math.min(8, rect.width / 4, rect.height / 4);
  return [
    [rect.left + rect.width / 2, rect.top + rect.height / 2],
    [rect.left + inset, rect.top + inset],
    [rect.right - inset, rect.top + inset],
    [rect.left + inset, rect.bottom - inset],
    [rect.right - inset, rect.bottom - inset],
  ];
}

/** Whether anything else is the topmost element at a point of the host that is inside the viewport. */
export function coveredAt(host: Element, win: Window): boolean {
  const rect = host.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return false;
  return samplePoints(rect).some(([x, y]) => {
    if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) return false;
    return win.document.elementsFromPoint(x, y)[0] !== host;
  });
}

const TOP_LAYER = ':popover-open, :modal, :fullscreen';

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

/**
 * Whether a page element in the top layer overlaps the host. One opened after ours is drawn
 * over it, and with `pointer-events: none` it is invisible to `elementsFromPoint` while clicks
 * go through to the popup. With `shadowRootOf`, shadow roots are searched too (costly on a big
 * page: done when the user acts, not on every timer tick).
 */
export function topLayerOver(host: Element, doc: Document, shadowRootOf?: ShadowRootOf): boolean {
  const ours = host.getBoundingClientRect();
  const roots: (Document | ShadowRoot)[] = [doc];
  if (shadowRootOf) {
    for (const element of doc.querySelectorAll('*')) {
      const root = element === host ? null : shadowRootOf(element);
      if (root) roots.push(root);
    }
  }
  return roots.some((root) =>
    Array.from(root.querySelectorAll(TOP_LAYER)).some(
      (element) => element !== host && overlaps(element.getBoundingClientRect(), ours),
    ),
  );
}

/**
 * For a popup in a same-origin frame: whether any ancestor document hides that frame where
 * the popup is (fades it, scrolls it out of view, or draws over it), which the frame's own
 * checks cannot see.
 */
export function hiddenInParents(host: Element, win: Window): boolean {
  const rect = host.getBoundingClientRect();
  let x = rect.left + rect.width / 2;
  let y = rect.top + rect.height / 2;
  for (let frame = win.frameElement; frame; frame = frame.ownerDocument.defaultView?.frameElement ?? null) {
    const parent = frame.ownerDocument.defaultView;
    if (!parent || ancestorOpacity(frame) < MIN_FRAME_OPACITY) return true;
    const box = frame.getBoundingClientRect();
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
    if (x < 0 || y < 0 || x >= parent.innerWidth || y >= parent.innerHeight) return true;
    if (parent.document.elementsFromPoint(x, y)[0] !== frame) return true;
  }
  return false;
}
