/** Drives "Summarize" the way the browser does, and reads the side panel. */
import type { Page } from 'playwright-core';
import type { Launched } from './browser';

/**
 * The tab id Chrome gave a page: the page is brought to the front and the service
 * worker asks for the active tab (without the "tabs" permission, URLs are not visible).
 */
export async function tabIdOf(browser: Launched, page: Page): Promise<number> {
  await page.bringToFront();
  const sw = await browser.serviceWorker();
  return sw.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } })
      .chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/**
 * Fires the extension's real `contextMenus.onClicked` listeners, as Chrome does for a
 * click on our menu item (without a user gesture, so Chrome refuses to open the side
 * panel by itself; tests open the panel page themselves).
 */
export async function clickMenuItem(
  browser: Launched,
  menuItemId: string,
  page: Page,
  selectionText?: string,
): Promise<void> {
  const tabId = await tabIdOf(browser, page);
  const sw = await browser.serviceWorker();
  await sw.evaluate(
    ([id, tab, url, selection]) => {
      const chrome = (
        globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(...a: unknown[]): void } } } }
      ).chrome;
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: id, pageUrl: url, editable: false, ...(selection ? { selectionText: selection } : {}) },
        { id: tab, url, index: 0, windowId: 1, active: true, pinned: false, highlighted: true, incognito: false },
      );
    },
    [menuItemId, tabId, page.url(), selectionText ?? ''] as const,
  );
}

/** The number of the panel's latest job (0 before any). */
export async function panelRun(panel: Page): Promise<number> {
  const section = panel.locator('section.summary-view');
  return (await section.count()) ? Number(await section.getAttribute('data-run')) : 0;
}

/**
 * Waits for the panel's next summary (after job number `after`) to finish, and returns
 * what it shows.
 */
export async function finishedSummary(panel: Page, after: number, timeout = 180_000) {
  await panel
    .locator(`section.summary-view[data-run="${after + 1}"]:is([data-state="done"], [data-state="error"])`)
    .waitFor({ timeout });
  const read = async (selector: string) =>
    (await panel.locator(selector).count()) ? await panel.locator(selector).first().innerText() : '';
  const parts = await panel.locator('[data-testid="part-summaries"] li').allTextContents();
  return {
    coverage: await read('[data-testid="coverage"]'),
    error: await read('[data-testid="summary-error"]'),
    text: await read('[data-testid="summary-text"]'),
    parts,
    /** Everything the model wrote: the echo model writes back what it was given. */
    allOutput: [...parts, await read('[data-testid="summary-text"]')].join('\n'),
  };
}
