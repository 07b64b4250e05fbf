/**
 * The chat's first screen and its message box: suggested prompts that ask at once, a
 * too-long message caught before sending (and kept in the box), and a browser page that
 * gets no page-only controls.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  EXTENSION_ORIGIN,
  ask,
  currentThread,
  ensureModel,
  focusTab,
  startChatSession,
  type Session,
} from './harness';

// A 1,024-token window: 512 tokens for the prompt, so a few thousand characters do not fit.
const MODEL = 'edgewise-test/echo-tiny-1k';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(MODEL));
});
afterAll(() => session?.close());

test('the empty chat suggests first questions; one click asks it', async () => {
  await focusTab(session.browser, panel, await session.openPage('/tides.html'));
  const suggestions = panel.getByRole('group', { name: 'Try' }).getByRole('button');
  expect(await suggestions.allTextContents()).toEqual(['Key points', 'Explain simply', 'What should I ask?']);
  await suggestions.first().click();
  await expect
    .poll(() => panel.getByTestId('question-text').allTextContents())
    .toEqual(['What are the key points of this page?']);
  await panel.locator('[data-testid="message-assistant"]:not([data-status=""])').waitFor({ timeout: 60_000 });
});

test('a message too long for the model is caught before sending, and stays in the box', async () => {
  await focusTab(session.browser, panel, await session.openPage('/animals.html'));
  // Drafts are measured with the model in memory (typing never loads one): answer once first.
  expect((await ask(panel, 'Hello?')).status).toBe('complete');
  const long = 'The walrus hauls out on the ice floes every spring. '.repeat(60);
  await panel.locator('#chat-input').fill(long);
  await expect
    .poll(() => panel.getByTestId('draft-fit').innerText())
    .toMatch(/^Too long for this model: about [\d,]+ tokens, and it takes 512\./);
  expect(await panel.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
  await panel.locator('#chat-input').press('Enter');
  expect(await panel.locator('#chat-input').inputValue()).toBe(long);
  expect(await panel.getByTestId('question-text').allTextContents()).toEqual(['Hello?']);

  await panel.locator('#chat-input').fill(long.slice(0, 150));
  await expect.poll(() => panel.getByTestId('draft-fit').innerText()).toMatch(/^About [\d,]+ of the 512 tokens/);
  expect(await panel.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(false);
  await panel.locator('#chat-input').fill('');
  await expect.poll(() => panel.getByTestId('draft-fit').innerText()).toBe('');
});

test('on a page Edgewise cannot read, page-only controls are gone and the box says so', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/options.html`); // an extension page: not readable, like chrome://
  const tab = await session.openPage('/tides.html');
  await tab.goto('chrome://version');
  await tab.bringToFront();
  await expect
    .poll(() => panel.getByTestId('chat-empty').innerText(), { timeout: 10_000 })
    .toMatch(/^Edgewise cannot read this page, but you can still ask anything/);
  expect(await panel.getByLabel('Use this page').count()).toBe(0);
  expect(await panel.getByRole('group', { name: 'Try' }).count()).toBe(0);
  expect(await panel.locator('#chat-input').getAttribute('placeholder')).toBe('Ask anything…');
  await page.close();
});

test('with two models downloaded, the chat switches between them for the next answer', async () => {
  await ensureModel(session.browser, ECHO_MODEL);
  await focusTab(session.browser, panel, await session.openPage('/tides.html'));
  const switcher = panel.getByLabel('Model for the next answer');
  await expect
    .poll(async () => (await switcher.locator('option').allTextContents()).sort())
    .toEqual([ECHO_MODEL, MODEL]);
  expect(await switcher.inputValue()).toBe(MODEL);
  await switcher.selectOption(ECHO_MODEL);
  expect((await ask(panel, 'Which model answers?')).status).toBe('complete');
  expect((await currentThread(panel))!.messages.at(-1)).toMatchObject({ role: 'assistant', modelId: ECHO_MODEL });
  await switcher.selectOption(MODEL);
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
