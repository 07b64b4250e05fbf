import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenForPageRequests } from '@/lib/page';

// Kept tiny on purpose: it runs on every page, so it must cost nothing until asked.
// It imports neither Comlink nor the engine; features load those only when used.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    listenForPageRequests(browser.runtime, document);
  },
});
