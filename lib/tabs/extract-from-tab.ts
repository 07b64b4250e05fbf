/**
 * The one wrapper around injecting the extractor into a tab. The extractor is its own
 * script (`/extract.js`), injected only when the user asks for a summary, so the
 * content script that runs on every page stays tiny.
 */
import type { WxtBrowser } from 'wxt/browser';
import type { ExtractedPage, SourceMode } from '@/lib/extract';
import { unsupportedPageReason } from './page-support';
import { i18n } from '@/lib/i18n';

/** The browser APIs this needs, as WXT types them. */
export type TabApis = Pick<WxtBrowser, 'tabs' | 'scripting'>;

/** A page Edgewise cannot read (browser pages, the Web Store, the PDF viewer…). */
export class PageNotReadableError extends Error {
  override name = 'PageNotReadableError';
}

/** Name of the function the extractor script defines in the extension's isolated world. */
export const EXTRACTOR_GLOBAL = '__edgewiseExtract';

export type ExtractorReply = { ok: true; page: ExtractedPage } | { ok: false; error: string };

export async function extractFromTab(apis: TabApis, tabId: number, mode: SourceMode): Promise<ExtractedPage> {
  try {
    // The URL is visible only where we have host access; when it is, check it first.
    const { url } = await apis.tabs.get(tabId);
    const reason = url ? unsupportedPageReason(url) : null;
    if (reason) throw new PageNotReadableError(reason);
    await apis.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
    const [injection] = await apis.scripting.executeScript({
      target: { tabId },
      // Runs in the tab: calls what the extractor script defined there.
      func: (name: string, extractMode: SourceMode): unknown => {
        const extract: unknown = Reflect.get(globalThis, name);
        return typeof extract === 'function' ? (extract as (mode: SourceMode) => unknown)(extractMode) : undefined;
      },
      args: [EXTRACTOR_GLOBAL, mode],
    });
    const page = checkReply(injection?.result);
    // The tab may have navigated between the check above and the injection: what was read
    // then is another site's page, which nobody asked to send to the model (issue 10).
    if (url && originOf(page.url) !== originOf(url)) {
      throw new PageNotReadableError(i18n.t('pageErrors.navigated', [originOf(page.url) ?? page.url]));
    }
    return page;
  } catch (error) {
    if (error instanceof PageNotReadableError) throw error;
    throw new PageNotReadableError(explainInjectionError(error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Without the "tabs" permission the tab's URL is often unknown, so Chrome's refusal to
 * inject is what tells us the page is off limits; say why in words a user understands.
 */
export function explainInjectionError(message: string): string {
  if (/chrome:\/\/|chrome-extension:|chrome-search:|devtools:|about:/i.test(message)) {
    return i18n.t('pageErrors.browserPages');
  }
  if (/extensions gallery|webstore/i.test(message)) return i18n.t('pageErrors.webStore');
  if (/file:/i.test(message)) return unsupportedPageReason('file:///') ?? message;
  if (/permission to access|cannot access/i.test(message)) return i18n.t('pageErrors.refused');
  if (/no tab with id|tab was closed/i.test(message)) return i18n.t('pageErrors.tabClosed');
  return i18n.t('pageErrors.unreadable', [message]);
}

/** `scheme://host:port` of a URL, or null when it does not parse. */
function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}

/** The reply comes from a world the page can tamper with: check its shape. */
function checkReply(reply: unknown): ExtractedPage {
  const r = reply as Partial<ExtractorReply> | undefined;
  if (r && r.ok === false && typeof r.error === 'string') throw new PageNotReadableError(r.error);
  const page = r?.ok ? r.page : undefined;
  const valid =
    page &&
    typeof page.text === 'string' &&
    typeof page.title === 'string' &&
    typeof page.url === 'string' &&
    typeof page.lang === 'string' &&
    typeof page.wordCount === 'number' &&
    typeof page.secretFields === 'boolean';
  if (!valid) throw new PageNotReadableError(i18n.t('pageErrors.badReply'));
  return page;
}
