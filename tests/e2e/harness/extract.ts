/** Runs the injected extractor on a tab exactly as the panel does, and returns its reply. */
import type { Page } from 'playwright-core';
import type { Launched } from './browser';
import { tabIdOf } from './summarize';

export interface ExtractReply {
  ok: boolean;
  error?: string;
  page?: { title: string; text: string; wordCount: number; source: string };
}

export async function extractInTab(browser: Launched, page: Page): Promise<ExtractReply> {
  const tabId = await tabIdOf(browser, page);
  const admin = await browser.openExtensionPage('/options.html');
  try {
    return await admin.evaluate(async (id) => {
      type Injection = { result?: unknown }[];
      const { scripting } = (
        globalThis as unknown as { chrome: { scripting: { executeScript(i: object): Promise<Injection> } } }
      ).chrome;
      await scripting.executeScript({ target: { tabId: id }, files: ['/extract.js'] });
      const [injection] = await scripting.executeScript({
        target: { tabId: id },
        func: () => (globalThis as unknown as Record<string, (mode: string) => unknown>).__edgewiseExtract!('page'),
      });
      return injection!.result as ExtractReply;
    }, tabId);
  } finally {
    await admin.close();
  }
}
