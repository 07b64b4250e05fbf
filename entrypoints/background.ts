import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  createSummarizeMenus,
  handleBackgroundMessage,
  jobFor,
  startSummarize,
  welcomeOnInstall,
} from '@/lib/background';

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
  },
});

/** A panel that cannot open (e.g. a closed window) has nowhere to show an error but the log. */
function reportTriggerError(error: unknown): void {
  console.warn('Edgewise could not start a summary:', error);
}
