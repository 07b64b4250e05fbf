/**
 * Right-click summarize, end to end: the real context-menu listener, the side panel,
 * extraction in the page, chunking against a tight window, streaming, history.
 * The echo model writes back what it was given, so the tests read exactly what reached it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickMenuItem, configure, finishedSummary, startSession, type Session } from './harness';

const MODEL = 'edgewise-test/echo-tiny-1k';
const squash = (text: string) => text.replace(/\s+/g, ' ');

let session: Session;
let panel: Page;

beforeAll(async () => {
  session = await startSession();
  await configure(session.browser, { modelId: MODEL });
  panel = await session.browser.openExtensionPage('/sidepanel.html');
});
afterAll(() => session?.close());

async function summarize(path: string, menu = 'edgewise-summarize-page') {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.pages.url}${path}`);
  await clickMenuItem(session.browser, menu, page);
  return { page, result: await finishedSummary(panel) };
}

describe('summarize page', () => {
  test('first use offers the model download, then summarizes the article part by part', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.pages.url}/news.html`);
    await clickMenuItem(session.browser, 'edgewise-summarize-page', page);
    await panel.getByRole('button', { name: 'Download and summarize' }).click();
    const result = await finishedSummary(panel);
    expect(result.error).toBe('');
    const seen = squash(result.allOutput);
    expect(seen).toContain('Residents of Kettlewick voted by a wide margin on Tuesday to restore the tidal mill');
    expect(seen).toContain('The mill, built in 1792, once ground grain for farms as far inland as Marrowdale.');
    expect(seen).not.toContain('Seagull Deluxe kayak'); // ad
    expect(seen).not.toContain('unlimited lighthouse coverage'); // nav
    expect(result.parts.length).toBeGreaterThan(1);
    expect(result.coverage).toMatch(new RegExp(`^Summarized all [\\d,]+ words \\(${result.parts.length} parts\\)\\.`));
  });
});
