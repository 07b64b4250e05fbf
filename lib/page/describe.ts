import type { PageDescription } from '@/lib/messaging';

/** Title, URL and language of a document, as the content script reports them. */
export function describePage(doc: Document): PageDescription {
  return {
    title: doc.title.trim(),
    url: doc.location?.href ?? doc.URL,
    lang: doc.documentElement.lang.trim(),
  };
}
