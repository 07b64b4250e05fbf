import type { WxtBrowser } from 'wxt/browser';
import { AUTOFILL_DRAFT_PORT } from '@/lib/messaging';
import { serveDraft, type DraftDeps } from './drafts';
import { deliverOffer, type AutofillApis } from './requests';

/** What serving needs of the browser, as WXT types it. */
export type ServeApis = AutofillApis & {
  runtime: Pick<WxtBrowser['runtime'], 'onConnect'>;
  tabs: Pick<WxtBrowser['tabs'], 'onUpdated'>;
};

/**
 * Starts the background's long-lived autofill listeners: a draft per port, and the save
 * offer handed to the page a sent form loads. (Requests arrive through the one message
 * router, lib/background/router.ts.)
 */
export function serveAutofill(deps: Omit<DraftDeps, 'apis'> & { apis: ServeApis }): void {
  deps.apis.runtime.onConnect.addListener((port) => {
    if (port.name === AUTOFILL_DRAFT_PORT) serveDraft(port, deps);
  });
  deps.apis.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'complete') return;
    deliverOffer(tabId, deps).catch((error: unknown) =>
      console.warn('Edgewise could not offer to save a form:', error),
    );
  });
}
