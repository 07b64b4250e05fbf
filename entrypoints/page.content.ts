import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
// The protocol module alone: the messaging index would pull Comlink into every page.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { isPageRequest } from '@/lib/messaging/protocol';
import { describePage } from '@/lib/page';

// Kept tiny on purpose: it runs on every page, so it must cost nothing until asked.
// It imports neither Comlink nor the engine; features load those only when used.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only this extension may ask, and only in the shapes we know.
      if (sender.id !== browser.runtime.id || !isPageRequest(message)) return false;
      sendResponse(describePage(document));
      return false;
    });
  },
});
