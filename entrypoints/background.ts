import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundMessage, type OffscreenApis } from '@/lib/background';

export default defineBackground({
  type: 'module',
  main() {
    const context = { apis: browser as unknown as OffscreenApis, extensionId: browser.runtime.id };
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      void handleBackgroundMessage(message, sender, context).then(sendResponse);
      return true; // the reply is sent asynchronously
    });
  },
});
