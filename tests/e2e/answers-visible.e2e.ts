/**
 * Every answer view shows what the model wrote, as written: HTML-like text in an answer is
 * text (a `<details>` does not fold the rest away), and an empty answer says so.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  ask,
  clickMenuItem,
  currentThread,
  finishedSummary,
  focusTab,
  panelRun,
  showView,
  startChatSession,
  type Session,
} from './harness';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
});
afterAll(() => session?.close());

test('an answer holding <summaries> and <details> shows them literally, with the text after them', async () => {
  await focusTab(session.browser, panel, await session.openPage('/article.html'));
  // Without the page, the echo model's answer is the question itself.
  await panel.getByLabel('Use this page').uncheck();
  // (A phrase the tiny echo model copies exactly: greedy decoding makes it the same every run.)
  const answer = await ask(panel, 'Text <summaries> and <details> stay visible here.');
  expect(answer.status).toBe('complete');
  expect(answer.text).toBe('Text <summaries> and <details> stay visible here.');
  const shown = panel.getByTestId('answer-text').last();
  expect(await shown.locator('details, summaries').count()).toBe(0);
  expect(await shown.isVisible()).toBe(true);
});

test('an answer the model left empty says so instead of showing nothing', async () => {
  await focusTab(session.browser, panel, await session.openPage('/tides.html'));
  await ask(panel, 'Anything?');
  const thread = (await currentThread(panel))!;
  // The echo model always writes something, so the empty answer arrives the way a saved one
  // does: through an export file, edited, and imported.
  await showView(panel, 'History');
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export chats' }).click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as {
    threads: { id: string; messages: { role: string; text: string }[] }[];
  };
  const edited = exported.threads.filter((t) => t.id === thread.id);
  edited[0]!.id = 'empty-answer-thread';
  edited[0]!.messages.at(-1)!.text = '';
  await panel.getByTestId('import-file').setInputFiles({
    name: 'empty.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, threads: edited })),
  });
  await expect.poll(() => panel.getByTestId('import-message').innerText()).toMatch(/Imported 1 chat/);
  await panel.locator('[data-testid="chat-history-item"][data-thread="empty-answer-thread"] button.linklike').click();
  await expect
    .poll(() => panel.getByTestId('empty-answer').innerText())
    .toBe('The model returned nothing. Try asking another way, or regenerate the answer.');
});

test('"Ask a follow-up" on a summary opens a chat that starts with it, about the same page', async () => {
  const page = await session.openPage('/tides.html');
  await showView(panel, 'Chat');
  await focusTab(session.browser, panel, page); // the follow-up is for the open tab's page
  await showView(panel, 'Summary');
  const run = await panelRun(panel);
  await clickMenuItem(session.browser, 'edgewise-summarize-page', page);
  const summary = await finishedSummary(panel, run);
  await panel.getByRole('button', { name: 'Ask a follow-up' }).click();
  await panel.locator('#view-chat:not([hidden])').waitFor();
  await expect.poll(() => panel.getByTestId('question-text').allTextContents()).toEqual(['Summarize this page.']);
  expect(await panel.getByTestId('answer-text').first().innerText()).toBe(summary.text);
  expect((await ask(panel, 'When exactly?')).status).toBe('complete');
  expect((await currentThread(panel))!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
