// The protocol module alone: the messaging index would pull Comlink into every page.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { isPageRequest } from '@/lib/messaging/protocol';
import type { WxtBrowser } from 'wxt/browser';
import { describePage } from './describe';

/** The part of `runtime` a content script listens with, as WXT types it. */
export type MessageRuntime = Pick<WxtBrowser['runtime'], 'id' | 'onMessage'>;

/**
 * Answers the extension's questions about this page. Only this extension may ask, and
 * only in the shapes the protocol declares; anything else is ignored.
 */
export function listenForPageRequests(runtime: MessageRuntime, doc: Document): void {
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== runtime.id || !isPageRequest(message)) return false;
    sendResponse(describePage(doc));
    return false;
  });
}
