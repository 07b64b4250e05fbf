/**
 * Pages where Chrome does not let extensions read the content, with the message to
 * show instead of a cryptic injection error.
 */
export function unsupportedPageReason(url: string | undefined): string | null {
  if (!url) return 'This tab has no page Edgewise can read.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no page Edgewise can read.';
  }
  const host = parsed.hostname;
  if (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))
  ) {
    return 'Chrome does not allow extensions to read the Chrome Web Store.';
  }
  if (parsed.protocol === 'file:') {
    return 'Edgewise cannot read local files unless you allow it: turn on "Allow access to file URLs" in the extension details.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Chrome does not allow extensions to read ${parsed.protocol}// pages.`;
  }
  if (/\.pdf$/i.test(parsed.pathname)) {
    return "Chrome's built-in PDF viewer cannot be read by extensions yet. Select the text and use “Summarize selection”, or open the PDF in a web viewer.";
  }
  return null;
}
