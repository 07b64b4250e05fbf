import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenForPageRequests, watchFirstFocus } from '@/lib/page';

// Kept tiny on purpose: it runs on every page, so it must cost nothing until asked.
// It imports neither Comlink nor the engine; features load those only when used.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Every frame, for forms in same-origin frames; the background refuses the others.
  allFrames: true,
  main() {
    // Only the top frame describes the page: a frame answering first would describe itself.
    if (window === window.top) listenForPageRequests(browser.runtime, document);
    watchFirstFocus(document, browser.runtime);
  },
});
