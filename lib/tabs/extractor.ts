/**
 * The in-page half of {@link extractFromTab}: installs the extractor function in the
 * extension's isolated world of the page it is injected into.
 */
import { extractPage, type ExtractMode } from '@/lib/extract';
import { EXTRACTOR_GLOBAL, type ExtractorReply } from './extract-from-tab';
import { unsupportedPageReason } from './page-support';

export function installExtractor(win: Window & typeof globalThis): void {
  (win as unknown as Record<string, (mode: ExtractMode) => ExtractorReply>)[EXTRACTOR_GLOBAL] = (mode) => {
    try {
      // Chrome's PDF viewer: the tab holds an embedder document, not the PDF's text.
      if (win.document.contentType === 'application/pdf') {
        return { ok: false, error: unsupportedPageReason('https://x/file.pdf')! };
      }
      const selectionText = mode === 'selection' ? (win.getSelection()?.toString() ?? '') : undefined;
      return { ok: true, page: extractPage(win.document, { mode, selectionText }) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
