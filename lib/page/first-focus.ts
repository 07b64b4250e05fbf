// A type import only: the messaging index would pull Comlink into every page.
import type { AutofillRequest } from '@/lib/messaging/autofill-protocol';
import type { WxtBrowser } from 'wxt/browser';

/** The part of `runtime` the focus watcher uses, as WXT types it. */
export type StartRuntime = Pick<WxtBrowser['runtime'], 'sendMessage'>;

/** Input types nobody fills from a profile. */
const NOT_TEXT = /^(?:hidden|submit|button|reset|image|file|checkbox|radio|range|color)$/i;

/** Whether `target` is a control form suggestions could be for. */
export function isFillableTarget(
  target: EventTarget | null | undefined,
): target is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLElement {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.test(target.type);
  return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement || target.isContentEditable;
}

/**
 * Issue 13: the only thing form suggestions add to every page is this one `focusin`
 * listener. The first trusted focus of a fillable field asks the background to inject the
 * suggestions UI into this frame (the background decides: it may be off, or off here), and
 * the listener removes itself, so a page costs one listener and at most one message.
 */
export function watchFirstFocus(doc: Document, runtime: StartRuntime): void {
  const onFocus = (event: FocusEvent) => {
    // composedPath: a field inside an open shadow root reaches the document as its host.
    if (!event.isTrusted || !isFillableTarget(event.composedPath()[0])) return;
    doc.removeEventListener('focusin', onFocus, true);
    const request: AutofillRequest = { type: 'autofill/start' };
    runtime.sendMessage(request).catch(() => undefined);
  };
  doc.addEventListener('focusin', onFocus, true);
}
