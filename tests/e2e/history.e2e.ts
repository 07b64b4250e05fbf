/**
 * One History for chats and summaries: both kinds listed, filtered by kind, searched, and
 * deleted after an in-app confirmation (never the browser's own `confirm()`).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  ask,
  clickMenuItem,
  finishedSummary,
  focusTab,
  panelRun,
  showView,
  startChatSession,
  type Session,
} from './harness';

let session: Session;
let panel: Page;
const nativeDialogs: string[] = [];

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
  panel.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const tides = await session.openPage('/tides.html');
  await showView(panel, 'Summary');
  const run = await panelRun(panel);
  await clickMenuItem(session.browser, 'edgewise-summarize-page', tides);
  expect((await finishedSummary(panel, run)).error).toBe('');
  await showView(panel, 'Chat');
  await focusTab(session.browser, panel, await session.openPage('/animals.html'));
  await ask(panel, 'Where does the walrus haul out?');
  await showView(panel, 'History');
});
afterAll(() => session?.close());

const chats = () => panel.getByTestId('chat-history-item');
const summaries = () => panel.getByTestId('history-item');

test('chats and summaries are listed together, newest first, with times in words', async () => {
  await expect.poll(() => chats().count()).toBe(1);
  expect(await summaries().count()).toBe(1);
  const rows = await panel.locator('ul.history > li').allInnerTexts();
  expect(rows[0]).toMatch(/^CHAT/i);
  expect(rows[1]).toMatch(/^SUMMARY/i);
  expect(rows.join('\n')).toMatch(/\b(now|\d+ (second|minute)s? ago)\b/);
  expect(rows.join('\n')).not.toMatch(/\d{1,2}:\d{2}:\d{2}/); // no clock with seconds
});

test('a kind filter and the search narrow the list', async () => {
  await panel.getByRole('radio', { name: 'Summaries', exact: true }).check();
  expect(await chats().count()).toBe(0);
  expect(await summaries().count()).toBe(1);
  await panel.getByRole('radio', { name: 'All', exact: true }).check();
  await panel.getByPlaceholder('Search chats and summaries').fill('Kettlewick');
  await expect.poll(() => chats().count()).toBe(0);
  expect(await summaries().count()).toBe(1);
  await panel.getByPlaceholder('Search chats and summaries').fill('');
  await expect.poll(() => chats().count()).toBe(1);
});

test('reopening a summary from History shows it in the Summary view', async () => {
  await summaries()
    .first()
    .getByRole('button', { name: /^Open summary of/ })
    .click();
  await panel.locator('#view-summary:not([hidden]) section.summary-view[data-state="done"]').waitFor();
  await showView(panel, 'History');
});

test('"Delete all summaries" asks in the panel; Cancel keeps them, Delete removes them', async () => {
  await panel.getByRole('button', { name: 'Delete all summaries' }).click();
  const dialog = panel.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.innerText()).toMatch(/Delete every summary on this device\?/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await summaries().count()).toBe(1);

  await panel.getByRole('button', { name: 'Delete all summaries' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => summaries().count()).toBe(0);
  expect(await chats().count()).toBe(1);
  expect(nativeDialogs).toEqual([]);
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
