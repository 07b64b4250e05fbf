import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { serveAutofill } from '@/lib/autofill-service';
import {
  createSummarizeMenus,
  ensureOffscreenDocument,
  handleBackgroundMessage,
  jobFor,
  startSummarize,
  welcomeOnInstall,
} from '@/lib/background';
import { watchReading } from '@/lib/memory';
import { connectEngine } from '@/lib/messaging';
import { openDatabase } from '@/lib/store';
import { extractFromTab } from '@/lib/tabs';

export default defineBackground({
  type: 'module',
  main() {
    const db = openDatabase();
    const context = { apis: browser, extensionId: browser.runtime.id, autofill: { apis: browser, db } };
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
    const readPage = (tabId: number) => extractFromTab(browser, tabId, 'page');
    watchReading({ apis: browser, db, read: readPage });

    // Form suggestions and drafts (issue 13); the background itself creates the engine document.
    const connect = () => connectEngine(browser.runtime, { ensure: () => ensureOffscreenDocument(browser) });
    serveAutofill({ apis: browser, db, readPage, connect });
  },
});

/** A panel that cannot open (e.g. a closed window) has nowhere to show an error but the log. */
function reportTriggerError(error: unknown): void {
  console.warn('Edgewise could not start a summary:', error);
}
