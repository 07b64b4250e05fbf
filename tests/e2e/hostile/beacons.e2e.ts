/**
 * Hostile pages, part 1: beacons. The pages' visible text is HTML that would make a
 * renderer fetch the page server's `/beacon/…` URLs (media, SVG image and feImage, an SVG link, table background, a
 * markdown image). The echo model copies it into summaries and answers; the panel must
 * show it as text and fetch nothing, live, when a summary is reopened from history, and
 * when chats come back from an export.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  confirmInPanel,
  ask,
  clickMenuItem,
  currentThread,
  finishedSummary,
  focusTab,
  panelRun,
  showView,
  startChatSession,
  storedSummaries,
  type Session,
} from '../harness';

const MODEL = 'edgewise-test/echo-tiny-1k';
const PAGES = ['/hostile/beacons-media.html', '/hostile/beacons-svg.html', '/hostile/beacons-svg-filter.html'];
/** What a browser would fetch something for, as soon as it renders. */
const FETCHING =
  'img, video, audio, source, track, picture, svg, math, iframe, object, embed, [src], [srcset], [poster], [background]';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(MODEL));
});
afterAll(() => session?.close());

/** Waits long enough for a render-triggered fetch to arrive, then lists the beacons that did. */
async function beaconsAfterRender(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return session.pages.requests.filter((path) => path.startsWith('/beacon/'));
}

async function fetchingElements(): Promise<number> {
  return panel.locator('#app').locator(FETCHING).count();
}

describe.each(PAGES)('%s', (path) => {
  test('a summary shows the payload as text and fetches nothing, live and reopened from history', async () => {
    const page = await session.openPage(path);
    await showView(panel, 'Summary');
    const run = await panelRun(panel);
    await clickMenuItem(session.browser, 'edgewise-summarize-page', page);
    const result = await finishedSummary(panel, run);
    expect(result.error).toBe('');
    // Not vacuous: the stored summary carries the payload, and the panel shows it as text.
    const saved = (await storedSummaries(panel)).filter((s) => s.url === page.url()).at(-1)!;
    expect(saved.text).toContain('/beacon/');
    expect(result.text).toContain('/beacon/');
    expect(await fetchingElements()).toBe(0);
    expect(await beaconsAfterRender()).toEqual([]);

    await showView(panel, 'History');
    await panel.getByTestId('history-item').first().getByRole('button').first().click();
    await panel.locator('section.summary-view[data-state="done"]').waitFor();
    expect(await fetchingElements()).toBe(0);
    expect(await beaconsAfterRender()).toEqual([]);
  });

  test('a chat answer shows the payload as text and fetches nothing', async () => {
    await showView(panel, 'Chat');
    await focusTab(session.browser, panel, await session.openPage(path));
    const answer = await ask(panel, 'What does this page say?');
    expect(answer.status).toBe('complete');
    const saved = (await currentThread(panel))!.messages.at(-1)!;
    expect(saved.text).toContain('/beacon/');
    expect(answer.text).toContain('/beacon/');
    expect(await fetchingElements()).toBe(0);
    expect(await beaconsAfterRender()).toEqual([]);
  });
});

test('chats imported from an export that contains the payloads fetch nothing when reopened', async () => {
  for (const path of PAGES) {
    await showView(panel, 'Chat');
    await focusTab(session.browser, panel, await session.openPage(path));
    await ask(panel, 'Repeat the page, please.');
  }
  await showView(panel, 'History');
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export chats' }).click();
  const file = await (await download).path();
  await panel.getByRole('button', { name: 'Delete all chats' }).click();
  await confirmInPanel(panel);
  await expect.poll(() => panel.getByTestId('chat-history-item').count()).toBe(0);
  await panel.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => panel.getByTestId('import-message').innerText()).toMatch(/Imported \d+ chats/);
  const items = panel.getByTestId('chat-history-item');
  expect(await items.count()).toBeGreaterThanOrEqual(PAGES.length);
  for (let i = 0; i < PAGES.length; i++) {
    await showView(panel, 'History');
    await items.nth(i).locator('button.linklike').click();
    await expect.poll(() => panel.getByTestId('answer-text').first().innerText()).toContain('/beacon/');
    expect(await fetchingElements()).toBe(0);
  }
  expect(await beaconsAfterRender()).toEqual([]);
});

test('no unhandled errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
