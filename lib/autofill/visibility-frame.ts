/**
 * Which frames autofill may fill in (issue 13, "4. Filling"): the top frame and same-origin,
 * unsandboxed frames inside it. A cross-origin frame is another site, which must not receive
 * the values the user picked on this one; a sandboxed frame is content its embedder did not
 * trust, often a third party's ad or widget.
 */

/** What {@link frameAllowsFill} reads of a window; a real `Window` is one. */
export interface FrameView {
  readonly top: FrameView | null;
  readonly parent: FrameView;
  /** The `<iframe>` showing this window; null when the parent is cross-origin (or this is the top). */
  readonly frameElement: { hasAttribute(name: string): boolean } | null;
  /** 'null' for an opaque origin: a sandboxed frame without allow-same-origin, or a data: URL. */
  readonly origin: string;
}

/** Frames nest a few deep in practice; a deeper chain is refused rather than walked forever. */
const MAX_DEPTH = 32;

/**
 * Whether autofill may fill fields in `win`: it is the top frame, or every frame from it up
 * to the top is same-origin with its parent (`frameElement` is readable only then) and not
 * sandboxed (no `sandbox` attribute on its `<iframe>`, no opaque origin).
 */
export function frameAllowsFill(win: FrameView): boolean {
  let current = win;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (current.origin === 'null') return false;
    if (current.top === current || current.parent === current) return true;
    const frame = current.frameElement;
    // Also `undefined`, which a DOM without frames (happy-dom) reports for a nested window.
    if (!frame || frame.hasAttribute('sandbox')) return false;
    current = current.parent;
  }
  return false;
}
