/**
 * The fill-time rule (issue 13, "4. Filling"): a field is filled only if a person can really
 * see it, so that filling it is what the user sees happen. Honeypot fields (hidden traps that
 * collect data the user never meant to give) and clickjacking pages (a transparent form, an
 * overlay) fail one of these checks. Classification ignores visibility; this runs at fill time.
 *
 * Layout is read through a {@link LayoutProbe}, so the rules run in Node with a fake layout
 * and in the browser with {@link domProbe}.
 */
import { clipRegion, intersect } from './visibility-clip';
import { controlOf, viewOf } from './fill-dom';
import { frameAllowsFill } from './visibility-frame';
import { composedParent, domProbe, opacityOf, type FieldStyle, type LayoutProbe } from './visibility-probe';
import type { FillableElement } from './types';

export type { Box } from './visibility-clip';
export { frameAllowsFill, type FrameView } from './visibility-frame';
export { ancestorOpacity, composedParent, domProbe, type FieldStyle, type LayoutProbe } from './visibility-probe';

/** Why a field is not filled. */
export type NotFillable =
  /** In a cross-origin or sandboxed frame, or a document without a window. */
  | 'frame'
  | 'disabled'
  | 'inert'
  | 'readonly'
  /** `display: none`, `visibility: hidden | collapse` or `content-visibility: hidden`, on it or an ancestor; or detached. */
  | 'hidden'
  /** Its opacity times its ancestors' is below {@link MIN_OPACITY}. */
  | 'transparent'
  /** A clip, clip-path or overflow-hiding ancestor leaves less than {@link MIN_SIZE} px of it. */
  | 'clipped'
  /** Narrower or lower than {@link MIN_SIZE} px. */
  | 'tiny'
  /** Less than half of it is in the viewport. */
  | 'offscreen'
  /** Something else is drawn at its centre. */
  | 'covered';

/** Below this opacity (of a field and its ancestors multiplied) a field does not count as seen. */
export const MIN_OPACITY = 0.1;
/** A field narrower or lower than this, in px, is not one a person types into. */
export const MIN_SIZE = 10;
/** The share of a field's box that must be inside the viewport. */
export const MIN_ON_SCREEN = 0.5;

/** Disabled, inside a disabled fieldset (but not its first legend), read-only, or not editable. */
function editState(element: FillableElement): 'disabled' | 'readonly' | null {
  const control = controlOf(element);
  const view = viewOf(element);
  if (!control || !view) return 'readonly';
  if (control.kind === 'editable') return null;
  if (control.element.disabled) return 'disabled';
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!(node instanceof view.HTMLFieldSetElement) || !node.disabled) continue;
    const legend = Array.from(node.children).find((child) => child instanceof view.HTMLLegendElement);
    if (!legend?.contains(element)) return 'disabled';
  }
  if (control.kind !== 'select' && control.element.readOnly) return 'readonly';
  return null;
}

/** The labels drawn for `element`: `<label for>` and a wrapping `<label>`. */
function labelsOf(element: Element): Element[] {
  const control = controlOf(element);
  return control && control.kind !== 'editable' ? Array.from(control.element.labels ?? []) : [];
}

/**
 * Whether `hit`, the element at the field's centre, shows the field: the field, something
 * inside it, its label or something inside that (floating labels sit on top of their
 * field), or a shadow host it is inside, since a point in a closed shadow tree is reported
 * as its host.
 */
function showsField(element: Element, hit: Element): boolean {
  if (hit === element || element.contains(hit)) return true;
  if (labelsOf(element).some((label) => label === hit || label.contains(hit))) return true;
  const view = viewOf(element);
  for (let root = element.getRootNode(); view && root instanceof view.ShadowRoot; root = root.host.getRootNode()) {
    if (root.host === hit) return true;
  }
  return false;
}

/**
 * Whether ancestor `node`'s overflow clips a descendant. Not the root or body, whose overflow
 * is the viewport's (checked on its own); not a box-less `display: contents` or inline
 * element; not for a descendant that escapes it by its positioning.
 */
function clipsOverflow(node: Element, style: FieldStyle, escaping: 'fixed' | 'absolute' | null): boolean {
  if (style.overflowX === 'visible' && style.overflowY === 'visible') return false;
  if (node === node.ownerDocument.documentElement || node === node.ownerDocument.body) return false;
  if (style.display === 'contents' || style.display === 'inline') return false;
  if (escaping === 'fixed') return false;
  return escaping !== 'absolute' || style.position !== 'static';
}

/**
 * Why `element` must not be filled, or null when it may: it is in a frame that allows
 * filling ({@link frameAllowsFill}); enabled, not read-only, not inert; drawn (no
 * `display: none`, `visibility: hidden | collapse` or `content-visibility: hidden` on it or
 * any ancestor, through shadow hosts and same-origin frames); opaque enough (its opacity
 * times its ancestors' at least {@link MIN_OPACITY}); not clipped (by `clip`, `clip-path`, or
 * ancestors hiding overflow) to less than {@link MIN_SIZE} px; at least that large itself;
 * mostly inside the viewport; and not covered: the element at the centre of its visible part
 * is the field, its content, its label, or the shadow host it is in.
 *
 * `visibility: visible` inside a hidden ancestor would be drawn, but no real form does that
 * while honeypots might, so any hidden ancestor counts.
 */
export function whyNotFillable(element: FillableElement, probe: LayoutProbe = domProbe(element)): NotFillable | null {
  const view = viewOf(element);
  if (!view || !frameAllowsFill(view)) return 'frame';
  if (!element.isConnected) return 'hidden';
  const state = editState(element);
  if (state) return state;
  const box = probe.rect(element);
  const doc = element.ownerDocument;
  let visible = box;
  let opacity = 1;
  // Which ancestors' overflow clips the field: a fixed box escapes all of them, an absolute one
  // those between it and its containing block (the nearest positioned ancestor).
  let escaping: 'fixed' | 'absolute' | null = null;
  for (let node: Element | null = element; node; node = composedParent(node)) {
    if (node.hasAttribute('inert')) return 'inert';
    const style = probe.style(node);
    if (style.display === 'none' || style.contentVisibility === 'hidden') return 'hidden';
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'hidden';
    opacity *= opacityOf(style);
    if (opacity < MIN_OPACITY) return 'transparent';
    // Boxes of a parent frame's elements are in that frame's viewport: only this document's clip this box.
    if (node.ownerDocument !== doc) continue;
    const rect = node === element ? box : probe.rect(node);
    const clip = clipRegion(style, rect);
    if (clip) visible = intersect(visible, clip);
    if (node !== element && clipsOverflow(node, style, escaping)) {
      // An ancestor hiding its overflow clips the field to its box, on the axes it hides.
      const x = style.overflowX !== 'visible';
      const y = style.overflowY !== 'visible';
      visible = intersect(visible, {
        left: x ? rect.left : visible.left,
        top: y ? rect.top : visible.top,
        width: x ? rect.width : visible.width,
        height: y ? rect.height : visible.height,
      });
    }
    if (style.position === 'fixed') escaping = 'fixed';
    else if (escaping !== 'fixed') {
      if (style.position === 'absolute') escaping = 'absolute';
      else if (node !== element && style.position !== 'static') escaping = null;
    }
  }
  if (box.width < MIN_SIZE || box.height < MIN_SIZE) return 'tiny';
  if (visible.width < MIN_SIZE || visible.height < MIN_SIZE) return 'clipped';
  const screen = probe.viewport();
  const shown = intersect(visible, { left: 0, top: 0, width: screen.width, height: screen.height });
  if (shown.width * shown.height < MIN_ON_SCREEN * box.width * box.height) return 'offscreen';
  const hit = probe.elementAt(shown.left + shown.width / 2, shown.top + shown.height / 2);
  if (!hit || !showsField(element, hit)) return 'covered';
  return null;
}
