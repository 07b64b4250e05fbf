/**
 * One e2e session: the local hub with the fixture models, the fixture page server, and
 * Chromium with the extension, already pointed at the hub through the options page.
 */
import type { Page } from 'playwright-core';
import { startHub, type Hub } from '../../hub/server.mjs';
import { launchBrowser, type LaunchOptions, type Launched } from './browser';
import { startPageServer, type PageServer } from './page-server';
import { MODELS_DIR } from './paths';
import { extensionPageProbe, type ProbeHandle } from './probe';
import { setModelHost } from './settings';

export interface Session {
  hub: Hub;
  pages: PageServer;
  browser: Launched;
  /** Opens a fixture page in a new tab. */
  openPage(path: string): Promise<Page>;
  /** Opens an extension page and returns the engine probe in it: the engine as the panel reaches it. */
  openProbe(): Promise<ProbeHandle>;
  /** Closes and relaunches Chromium on the same profile. */
  restartBrowser(): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(options: LaunchOptions = {}): Promise<Session> {
  const hub = await startHub({ root: MODELS_DIR });
  const pages = await startPageServer();
  let browser = await launchBrowser(options);
  await setModelHost(browser, hub.url);
  const session: Session = {
    hub,
    pages,
    get browser() {
      return browser;
    },
    async openPage(path) {
      const page = await browser.context.newPage();
      await page.goto(`${pages.url}${path}`);
      return page;
    },
    async openProbe() {
      return extensionPageProbe(await browser.openExtensionPage('/options.html'));
    },
    async restartBrowser() {
      await browser.close();
      browser = await launchBrowser({ ...options, userDataDir: browser.userDataDir });
    },
    async close() {
      await browser.close();
      await hub.close();
      await pages.close();
    },
  };
  return session;
}
