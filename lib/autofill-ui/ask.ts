import type { WxtBrowser } from 'wxt/browser';
import type { AutofillReply, AutofillRequest } from '@/lib/messaging';

/** What the page side needs of `runtime`, as WXT types it. */
export type PageRuntime = Pick<WxtBrowser['runtime'], 'sendMessage' | 'connect'>;

/** One request to the background, typed by its reply; undefined when the background refused it or is gone. */
export type Ask = <R extends AutofillRequest>(request: R) => Promise<AutofillReply<R> | undefined>;

/** The one way the page side asks the background (lib/messaging/autofill-protocol.ts declares the shapes). */
export function askWith(runtime: PageRuntime): Ask {
  return async <R extends AutofillRequest>(request: R) => {
    try {
      // The background replies with exactly the type the protocol names for `request`.
      return (await runtime.sendMessage(request)) as AutofillReply<R> | undefined;
    } catch {
      // The extension was reloaded or updated: this page's UI is orphaned and stays quiet.
      return undefined;
    }
  };
}
