/**
 * Which page an autofill request comes from, checked before anything is done for it. Only
 * this extension's content scripts, in a web page's top frame or in a frame of the same
 * origin, may ask: a cross-origin or sandboxed frame (an ad, a widget) never gets
 * suggestions, so it can never be handed a value (issue 13, "Filling").
 */
import type { WxtBrowser } from 'wxt/browser';
import { classifySender, type PortSender } from '@/lib/messaging';
import { isWebAddress } from '@/lib/settings';

/** What the checks need of the browser, as WXT types it. */
export type SenderApis = {
  runtime: Pick<WxtBrowser['runtime'], 'id' | 'getURL'>;
  tabs: Pick<WxtBrowser['tabs'], 'get'>;
};

/** The frame a request came from and its tab's page. */
export interface AutofillPage {
  tabId: number;
  frameId: number;
  /** The tab's top-level address: sites are turned off by it. */
  topUrl: string;
}

/** The page `sender` is in, or null when it may not use autofill. */
export async function autofillPage(sender: PortSender, apis: SenderApis): Promise<AutofillPage | null> {
  if (classifySender(sender, apis.runtime.id, apis.runtime.getURL('/')) !== 'content-script') return null;
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined || !sender.url || !isWebAddress(sender.url)) return null;
  // A sandboxed frame has an opaque origin, whatever its URL says.
  if (sender.origin === 'null') return null;
  let topUrl: string | undefined;
  try {
    topUrl = (await apis.tabs.get(tabId)).url;
  } catch {
    return null;
  }
  if (!topUrl || !isWebAddress(topUrl)) return null;
  if (frameId !== 0 && new URL(sender.url).origin !== new URL(topUrl).origin) return null;
  return { tabId, frameId, topUrl };
}
