/**
 * The side panel behaves like a chat app: the header and view tabs stay at the top, the
 * composer stays at the bottom, the newest answer is scrolled into view, and a reader who
 * scrolled up gets a "Jump to latest" button. Positions are measured in a panel-sized
 * viewport, as the user sees them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECHO_MODEL, ask, focusTab, startChatSession, type Session } from './harness';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
  await panel.setViewportSize({ width: 400, height: 640 });
});
afterAll(() => session?.close());

/** The element's box in the viewport; fails the test if it has none. */
async function box(selector: string) {
  const found = await panel.locator(selector).last().boundingBox();
  expect(found, selector).not.toBeNull();
  return found!;
}

test('before the first question, the composer already sits at the bottom', async () => {
  await focusTab(session.browser, panel, await session.openPage('/article.html'));
  const composer = await box('.chat-footer');
  expect(composer.y + composer.height).toBeGreaterThan(640 - 4);
  expect(composer.y + composer.height).toBeLessThanOrEqual(640 + 1);
});

test('after 10 exchanges the tabs, the composer and the newest answer are all in view', async () => {
  for (let i = 1; i <= 10; i++) {
    const answer = await ask(panel, `Question number ${i}: where is the harbour?`);
    expect(answer.status).toBe('complete');
  }
  await expect.poll(() => panel.locator('[data-testid="message-assistant"]').count()).toBe(10);
  // The thread is taller than the panel, so it really scrolled.
  const scroll = await panel
    .locator('main')
    .evaluate((main) => ({ height: main.scrollHeight, view: main.clientHeight }));
  expect(scroll.height).toBeGreaterThan(scroll.view * 1.5);

  const tabs = await box('[role="tablist"]');
  expect(tabs.y).toBeGreaterThanOrEqual(0);
  expect(tabs.y).toBeLessThan(120);
  const composer = await box('.chat-footer');
  expect(composer.y + composer.height).toBeLessThanOrEqual(640 + 1);
  expect(composer.y).toBeGreaterThan(640 / 2);
  const newest = await box('[data-testid="message-assistant"]');
  expect(newest.y).toBeGreaterThan(tabs.y + tabs.height);
  expect(newest.y + newest.height).toBeLessThanOrEqual(composer.y + 1);
  await expect.poll(() => panel.locator('.jump-latest').count()).toBe(0);
});

test('a reader who scrolled up gets "Jump to latest", which brings the newest answer back', async () => {
  await panel.locator('main').evaluate((main) => main.scrollTo({ top: 0 }));
  const jump = panel.getByRole('button', { name: 'Jump to latest' });
  await jump.waitFor();
  const composer = await box('.chat-footer');
  expect((await box('[data-testid="message-assistant"]')).y).toBeGreaterThan(composer.y);

  await jump.click();
  await expect.poll(() => jump.count()).toBe(0);
  const newest = await box('[data-testid="message-assistant"]');
  expect(newest.y + newest.height).toBeLessThanOrEqual((await box('.chat-footer')).y + 1);
});

test('while an answer is written, a visible indicator says so next to Stop', async () => {
  await panel.locator('#chat-input').fill(`Please repeat: ${'the tide comes in and the tide goes out, '.repeat(6)}`);
  await panel.locator('#chat-input').press('Enter');
  await panel.getByTestId('generating').waitFor();
  expect(await panel.getByTestId('generating').innerText()).toBe('Writing the answer…');
  // The toolbar icon says so too (its title is what can be read back of it).
  const sw = await session.browser.serviceWorker();
  const title = () =>
    sw.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }
      ).chrome.action.getTitle({}),
    );
  await expect.poll(title).toBe('Edgewise is working…');
  await panel.getByRole('button', { name: 'Stop' }).waitFor();
  await panel.getByTestId('generating').waitFor({ state: 'detached', timeout: 120_000 });
  await expect.poll(title).toBe('Edgewise');
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
