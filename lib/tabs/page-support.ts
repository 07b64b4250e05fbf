/**
 * Pages where Chrome does not let extensions read the content, with the message to
 * show instead of a cryptic injection error.
 */
import { i18n } from '@/lib/i18n';

export function unsupportedPageReason(url: string | undefined): string | null {
  if (!url) return i18n.t('pageErrors.noPage');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return i18n.t('pageErrors.noPage');
  }
  const host = parsed.hostname;
  if (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))
  ) {
    return i18n.t('pageErrors.webStore');
  }
  if (parsed.protocol === 'file:') {
    return i18n.t('pageErrors.localFiles');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return i18n.t('pageErrors.scheme', [parsed.protocol]);
  }
  if (/\.pdf$/i.test(parsed.pathname)) {
    return i18n.t('pageErrors.pdf');
  }
  return null;
}
