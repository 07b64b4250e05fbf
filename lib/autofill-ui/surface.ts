/**
 * The surface the suggestion popup is drawn on, hardened against the page it sits in
 * (issue 13; the DEF CON 33 "DOM-based extension clickjacking" fixes):
 * - a closed shadow root, so page scripts cannot read or restyle what is inside;
 * - the top layer (Popover API), so page overlays and z-indexes cannot cover it;
 * - its own styles locked with `!important` through the CSSOM (a page CSP without
 *   'unsafe-inline' still allows that), and a tamper observer that withdraws it when the
 *   page touches the host element, removes it, or restyles or fades the page around it;
 * - `elementsFromPoint` checks that nothing is drawn over it, and an opacity check of the
 *   anchor field and its ancestors, at every interaction and several times a second;
 * - clicks count only when trusted, on the popup itself, and 500 ms after its first paint
 *   (as Chromium's own autofill popup does), so a click meant for the page before it
 *   appeared cannot land on it.
 */
import { ancestorOpacity } from '@/lib/autofill';
import { coveredAt, hiddenInParents, restyled, topLayerOver, type ShadowRootOf } from './surface-checks';

/** Clicks within this time of the first paint are ignored (Chromium's autofill rule). */
const CLICK_DELAY_MS = 500;
/** How often the surface checks for overlays and fading while it is open. */
const CHECK_EVERY_MS = 200;
/** An anchor field whose ancestors fade it below this is being hidden from the user. */
const MIN_ANCHOR_OPACITY = 0.5;

/** Why the surface was withdrawn. */
export type Withdrawal = 'tampered' | 'removed' | 'restyled' | 'faded' | 'covered' | 'anchor-hidden';

/** Styles that keep the host exactly as drawn, whatever the page's stylesheets say. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['inset', 'auto'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['mix-blend-mode', 'normal'],
  ['pointer-events', 'auto'],
  ['transition', 'none'],
  ['animation', 'none'],
  ['z-index', '2147483647'],
  ['color-scheme', 'light dark'],
];

/** What the surface reports to, and what it needs to judge the anchor field. */
export interface SurfaceOptions {
  /** Called once when the surface takes itself down for the page's doing. */
  onWithdraw(reason: Withdrawal): void;
  /** Decides whether the anchor field may still be filled (the fill-time visibility rules). */
  anchorHidden?(anchor: Element): boolean;
  /** Reaches closed shadow roots too, to find a page's top-layer veil hidden in one when the user acts. */
  shadowRootOf?: ShadowRootOf;
}

/** A closed-shadow, top-layer host for the popup, appended to `<html>` while shown. */
export class Surface {
  readonly root: ShadowRoot;
  private readonly host: HTMLDivElement;
  private readonly doc: Document;
  private paintedAt = 0;
  private arming = 0;
  /** Where the popup was drawn when the delay started: if it is anywhere else at a click, the delay starts again. */
  private armedAt: { left: number; top: number } | null = null;
  private anchor: Element | null = null;
  private lockedStyle = '';
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly options: SurfaceOptions,
  ) {
    this.doc = win.document;
    // A plain div: a custom element name could be defined by the page, which would then run its own constructor on it.
    this.host = this.doc.createElement('div');
    this.host.popover = 'manual';
    // The field's aria-controls names it; random, so no page can have chosen it first.
    this.host.id = `edgewise-${crypto.randomUUID()}`;
    this.root = this.host.attachShadow({ mode: 'closed' });
  }

  get shown(): boolean {
    return this.host.isConnected;
  }

  /** Shows the surface (if hidden) for `anchor` (or the viewport's top right without one); {@link place} positions it once drawn. */
  show(anchor: Element | null): void {
    this.anchor = anchor;
    if (!this.shown) {
      this.doc.documentElement.append(this.host);
      this.host.showPopover();
      this.rearm();
      this.watch();
    }
  }

  /**
   * Starts the 500 ms again: when the popup appears, moves, or its rows change, a click or
   * key meant for what was there before must not act on what is there now.
   */
  rearm(): void {
    this.paintedAt = 0;
    this.armedAt = null;
    const armed = ++this.arming;
    // The first frame it is drawn in: its animation-frame callbacks run just before the paint.
    this.win.requestAnimationFrame(() => {
      if (armed !== this.arming) return;
      this.paintedAt = performance.now();
      const { left, top } = this.host.getBoundingClientRect();
      this.armedAt = { left, top };
    });
  }

  /** Takes the surface down (the caller's choice, not a withdrawal). */
  hide(): void {
    this.unwatch();
    if (this.host.isConnected) {
      if (this.host.matches(':popover-open')) this.host.hidePopover();
      this.host.remove();
    }
  }

  /** Puts the popup below the anchor (above it when there is no room), inside the viewport. */
  place(): void {
    if (!this.shown) return;
    const width = Math.min(360, this.win.innerWidth - 16);
    const panel = this.host.getBoundingClientRect();
    const height = panel.height || 200;
    let left = this.win.innerWidth - width - 8;
    let top = 8;
    if (this.anchor) {
      const rect = this.anchor.getBoundingClientRect();
      left = Math.max(8, Math.min(rect.left, this.win.innerWidth - width - 8));
      const below = rect.bottom + 4;
      top = below + height <= this.win.innerHeight || rect.top - height - 4 < 0 ? below : rect.top - height - 4;
    }
    this.lock({ left: `${Math.round(left)}px`, top: `${Math.round(top)}px`, width: `${Math.round(width)}px` });
  }

  /**
   * Whether a pointer event may act on the popup: trusted, 500 ms after the first paint,
   * on the popup itself (nothing drawn over that point), and the surface still safe.
   */
  acceptsPointer(event: MouseEvent): boolean {
    if (!event.isTrusted || !this.settled()) return false;
    if (this.doc.elementsFromPoint(event.clientX, event.clientY)[0] !== this.host) return false;
    return this.check(true) === null;
  }

  /** Whether a key press may act: trusted, 500 ms after the popup (or its rows) appeared, and still safe. */
  acceptsKey(event: KeyboardEvent): boolean {
    return event.isTrusted && this.settled() && this.check(true) === null;
  }

  /**
   * 500 ms since the popup was drawn where it is now. Moved since (the page scrolled it under
   * the pointer, say), the delay starts again, whatever moved it.
   */
  private settled(): boolean {
    if (this.paintedAt === 0 || !this.armedAt) return false;
    const { left, top } = this.host.getBoundingClientRect();
    if (Math.abs(left - this.armedAt.left) > 2 || Math.abs(top - this.armedAt.top) > 2) {
      this.rearm();
      return false;
    }
    return performance.now() - this.paintedAt >= CLICK_DELAY_MS;
  }

  /**
   * Why the surface is unsafe now, or null; withdraws it when unsafe. `deep` also searches
   * shadow roots for a page's top-layer element (when the user acts).
   */
  check(deep = false): Withdrawal | null {
    const reason = this.unsafe(deep);
    if (reason) this.withdraw(reason);
    return reason;
  }

  private unsafe(deep = false): Withdrawal | null {
    if (!this.host.isConnected || this.host.parentNode !== this.doc.documentElement) return 'removed';
    if (!this.host.matches(':popover-open')) return 'removed';
    if (this.host.getAttribute('style') !== this.lockedStyle) return 'tampered';
    if (restyled(this.host, this.win)) return 'restyled';
    if (ancestorOpacity(this.doc.documentElement) < 1) return 'faded';
    if (this.anchor) {
      if (ancestorOpacity(this.anchor) < MIN_ANCHOR_OPACITY) return 'faded';
      if (this.options.anchorHidden?.(this.anchor)) return 'anchor-hidden';
    }
    if (coveredAt(this.host, this.win) || hiddenInParents(this.host, this.win)) return 'covered';
    return topLayerOver(this.host, this.doc, deep ? this.options.shadowRootOf : undefined) ? 'covered' : null;
  }

  private withdraw(reason: Withdrawal): void {
    if (!this.observer) return;
    this.hide();
    this.options.onWithdraw(reason);
  }

  /** Sets the host's position and the locked styles in one CSSOM write, and remembers the result. */
  private lock(position: Record<'left' | 'top' | 'width', string>): void {
    const style = this.host.style;
    for (const [name, value] of HOST_STYLE) style.setProperty(name, value, 'important');
    for (const [name, value] of Object.entries(position)) style.setProperty(name, value, 'important');
    this.lockedStyle = this.host.getAttribute('style') ?? '';
  }

  private watch(): void {
    this.unwatch();
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.target === this.host && record.type === 'attributes') {
          if (record.attributeName !== 'style' || this.host.getAttribute('style') !== this.lockedStyle) {
            this.withdraw('tampered');
            return;
          }
        }
      }
      // Anything else on the page (an overlay added, <body> faded) is judged by the checks.
      this.check();
    });
    this.observer.observe(this.doc.documentElement, {
      attributes: true,
      childList: true,
      subtree: true,
      attributeFilter: ['style', 'class', 'hidden', 'popover', 'open'],
    });
    // Stylesheet changes and animations make no mutation: look again a few times a second.
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
  }

  private unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearInterval(this.timer);
  }
}
