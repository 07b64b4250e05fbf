/** Pages and a fake layout for the autofill fill and visibility tests (happy-dom has no layout). */
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import type { Box, FieldStyle, LayoutProbe } from '@/lib/autofill/visibility';

const windows: Window[] = [];

/** Closes the pages a test opened; call once at a test file's top level. */
export function closePagesAfterEach(): void {
  afterEach(async () => {
    await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
  });
}

/** A page at https://shop.example/ with `body`, in `lang`. */
export function page(body: string, lang = 'en'): Document {
  const w = new Window({ url: 'https://shop.example/' });
  windows.push(w);
  w.document.write(`<!doctype html><html lang="${lang}"><body>${body}</body></html>`);
  return w.document as unknown as Document;
}

/** Computed style of a plainly drawn element. */
export const VISIBLE: FieldStyle = {
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  contentVisibility: 'visible',
  position: 'static',
  clip: 'auto',
  clipPath: 'none',
  overflowX: 'visible',
  overflowY: 'visible',
};

/** Where a field is drawn unless a test says otherwise: well inside the 1280 × 800 viewport. */
export const FIELD_BOX: Box = { left: 100, top: 100, width: 200, height: 30 };
const PAGE_BOX: Box = { left: 0, top: 0, width: 1280, height: 2000 };

export interface FakeLayout {
  styles?: [Element, Partial<FieldStyle>][];
  rects?: [Element, Box][];
  /** What is drawn at a point; default: the field. */
  hit?: (x: number, y: number) => Element | null;
}

/** A layout where everything is drawn plainly and `field` is at FIELD_BOX on top, except what `layout` says. */
export function fakeProbe(field: Element, layout: FakeLayout = {}): LayoutProbe {
  const styles = new Map(layout.styles);
  const rects = new Map(layout.rects);
  return {
    style: (el) => ({ ...VISIBLE, ...styles.get(el) }),
    rect: (el) => rects.get(el) ?? (el === field ? FIELD_BOX : PAGE_BOX),
    elementAt: layout.hit ?? (() => field),
    viewport: () => ({ width: 1280, height: 800 }),
  };
}
