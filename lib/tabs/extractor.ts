/**
 * The in-page half of {@link extractFromTab}: installs the extractor function in the
 * extension's isolated world of the page it is injected into.
 */
import { extractPage, type SourceMode } from '@/lib/extract';
import { openOrClosedShadowRoot } from '@/lib/page';
import { EXTRACTOR_GLOBAL, type ExtractorReply } from './extract-from-tab';
import { unsupportedPageReason } from './page-support';

export function installExtractor(win: Window & typeof globalThis): void {
  const extract = (mode: SourceMode): ExtractorReply => {
    try {
      // Chrome's PDF viewer: the tab holds an embedder document, not the PDF's text.
      if (win.document.contentType === 'application/pdf') {
        return { ok: false, error: unsupportedPageReason('https://x/file.pdf')! };
      }
      const selectionText = mode === 'selection' ? (win.getSelection()?.toString() ?? '') : undefined;
      return { ok: true, page: extractPage(win.document, { mode, selectionText, shadowRoot: openOrClosedShadowRoot }) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  // Under a name only this extension's isolated world sees; extractFromTab calls it there.
  Reflect.set(win, EXTRACTOR_GLOBAL, extract);
}
