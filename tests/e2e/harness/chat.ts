/** Drives the side panel's chat the way a person does, and reads what it shows and stored. */
import type { Page } from 'playwright-core';
import type { LaunchOptions, Launched } from './browser';
import { readStore } from './inspect';
import { ensureModel } from './models';
import { startSession, type Session } from './session';
import { configure } from './settings';
import { tabIdOf } from './summarize';

/** A chat thread as saved in IndexedDB. */
export interface StoredThread {
  id: string;
  url: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: {
    id: string;
    role: 'user' | 'assistant';
    text: string;
    status?: string;
    modelId?: string;
    context?: { mode: string; parts: { index: number; preview: string }[]; totalParts: number };
  }[];
}

export function storedThreads(extensionPage: Page): Promise<StoredThread[]> {
  return readStore<StoredThread>(extensionPage, 'chatThreads');
}

/** Shows a view of the panel by its tab's name. */
export async function showView(
  panel: Page,
  name: 'Chat' | 'Summary' | 'History' | 'Memory' | 'Profile' | 'Models' | 'Data' | 'Sent' | 'Settings',
): Promise<void> {
  await panel.getByRole('tab', { name, exact: true }).click();
}

/** The saved thread the panel's chat shows now. */
export async function currentThread(panel: Page): Promise<StoredThread | undefined> {
  const id = await panel.locator('.chat').getAttribute('data-thread');
  return (await storedThreads(panel)).find((t) => t.id === id);
}

/**
 * Makes `page` the active tab, so the panel follows it, and waits until the panel shows
 * that tab's thread and has read the page (the context bar leaves "Reading the page…").
 */
export async function focusTab(browser: Launched, panel: Page, page: Page): Promise<number> {
  const tabId = await tabIdOf(browser, page);
  await panel.waitForFunction(
    ([tab, url]) => {
      const chat = document.querySelector('.chat');
      return chat?.getAttribute('data-tab') === String(tab) && chat.getAttribute('data-url') === url;
    },
    [tabId, page.url().replace(/#.*$/, '')] as const,
  );
  await panel
    .getByTestId('context-indicator')
    .filter({ hasNotText: /Reading the page/ })
    .waitFor();
  return tabId;
}

/** Types a question and presses Enter; resolves when its answer has finished (complete, stopped or failed). */
export async function ask(panel: Page, question: string, timeout = 120_000) {
  const answers = panel.locator('[data-testid="message-assistant"]');
  const before = await answers.count();
  await panel.locator('#chat-input').fill(question);
  await panel.locator('#chat-input').press('Enter');
  return finishedAnswer(panel, before, timeout);
}

/** Waits for the answer after `before` saved answers to finish, and returns what it shows. */
export async function finishedAnswer(panel: Page, before: number, timeout = 120_000) {
  const answer = panel.locator('[data-testid="message-assistant"]:not([data-status=""])').nth(before);
  await answer.waitFor({ timeout });
  return {
    status: await answer.getAttribute('data-status'),
    text: await answer.getByTestId('answer-text').innerText(),
    context: (await answer.getByTestId('context-note').count())
      ? await answer.getByTestId('context-note').innerText()
      : '',
    error: (await answer.locator('.error').count()) ? await answer.locator('.error').innerText() : '',
  };
}

/**
 * A session whose settings name `modelId`, with that model already downloaded (the
 * first-run offer is a test's own subject, not every spec's setup) and the side panel open.
 */
export async function startChatSession(
  modelId: string,
  options: LaunchOptions = {},
): Promise<{ session: Session; panel: Page }> {
  const session = await startSession(options);
  await configure(session.browser, { modelId });
  await ensureModel(session.browser, modelId);
  const panel = await session.browser.openExtensionPage('/sidepanel.html');
  return { session, panel };
}

/** Answers the panel's in-app confirmation (the ConfirmDialog) with its destructive choice. */
export async function confirmInPanel(panel: Page): Promise<void> {
  const dialog = panel.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}
