import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  createSummarizeMenus,
  handleBackgroundMessage,
  jobFor,
  startSummarize,
  welcomeOnInstall,
} from '@/lib/background';
import { watchReading } from '@/lib/memory';
import { openDatabase } from '@/lib/store';
import { extractFromTab } from '@/lib/tabs';

export default defineBackground({
  type: 'module',
  main() {
    const context = { apis: browser, extensionId: browser.runtime.id };
    const triggers = browser;

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      void handleBackgroundMessage(message, sender, context).then(sendResponse);
      return true; // the reply is sent asynchronously
    });

    browser.runtime.onInstalled.addListener((details) => {
      void createSummarizeMenus(triggers);
      void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
      void welcomeOnInstall(browser, details);
    });

    browser.contextMenus.onClicked.addListener((info, tab) => {
      const job = jobFor(String(info.menuItemId), tab?.id);
      if (job) void startSummarize(triggers, job).catch(reportTriggerError);
    });

    browser.commands.onCommand.addListener((command, tab) => {
      const job = jobFor(command, tab?.id);
      if (job) void startSummarize(triggers, job).catch(reportTriggerError);
    });

    // "Also remember pages I read" (off by default): the watcher times the page in front.
    watchReading({ apis: browser, db: openDatabase(), read: (tabId) => extractFromTab(browser, tabId, 'page') });
  },
});

/** A panel that cannot open (e.g. a closed window) has nowhere to show an error but the log. */
function reportTriggerError(error: unknown): void {
  console.warn('Edgewise could not start a summary:', error);
}
