/** Small DOM facts the in-page UI needs, in one place. */
import { whyNotFillable, type FillableElement } from '@/lib/autofill';
import { coveredByOverlay } from './overlay';

/** A field the user cannot see (the fill-time rules, or an opaque overlay that lets clicks through). */
export function hiddenFromUser(field: FillableElement): boolean {
  return whyNotFillable(field) !== null || coveredByOverlay(field);
}

/** Resolves once the next frame has been drawn. */
export function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The focused element, through open shadow roots (a field inside a web component). */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A split phone box's `maxlength`, so it gets the part that fits. */
export function maxLengthOf(element: FillableElement): { maxLength?: number } {
  return 'maxLength' in element && typeof element.maxLength === 'number' && element.maxLength > 0
    ? { maxLength: element.maxLength }
    : {};
}

/** Capture-phase listeners on a window, all removable at once. */
export class Listeners {
  private readonly removers: (() => void)[] = [];

  constructor(private readonly target: Window) {}

  /** Listens for `type` in the capture phase (before the page's own listeners on its elements). */
  add<K extends keyof WindowEventMap>(
    type: K,
    listener: (event: WindowEventMap[K]) => void,
    options: AddEventListenerOptions = {},
  ): void {
    const settings = { capture: true, ...options };
    this.target.addEventListener(type, listener, settings);
    this.removers.push(() => this.target.removeEventListener(type, listener, settings));
  }

  /** Removes every listener added. */
  removeAll(): void {
    for (const remove of this.removers.splice(0)) remove();
  }
}
