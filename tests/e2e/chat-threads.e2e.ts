/**
 * Chat threads over time: one per tab (switching, navigating, closing), temporary chat,
 * history across a browser restart with export and import, and idle unload. The echo
 * model writes back its last user message.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  confirmInPanel,
  ask,
  currentThread,
  databaseSnapshot,
  focusTab,
  showView,
  startChatSession,
  storedThreads,
  type Session,
} from './harness';

const MODEL = 'edgewise-test/echo-tiny-1k';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(MODEL));
});
afterAll(() => session?.close());

const open = (path: string) => session.openPage(path);

/** At least `n` saved threads, asking on fresh tabs for those missing (tests do not rely on earlier tests). */
async function atLeastThreads(n: number): Promise<void> {
  const pages = ['/tides.html', '/animals.html', '/article.html'];
  for (let i = (await storedThreads(panel)).length; i < n; i++) {
    await showView(panel, 'Chat');
    await focusTab(session.browser, panel, await open(pages[i % pages.length]!));
    await ask(panel, `Question ${i + 1}: what is this page about?`);
  }
}

describe('threads follow tabs', () => {
  test('two tabs, two threads: switching tabs switches the thread; navigating starts a new one', async () => {
    const a = await open('/animals.html');
    const tabA = await focusTab(session.browser, panel, a);
    await ask(panel, 'Where does the walrus haul out?');
    const threadA = (await currentThread(panel))!;

    const b = await open('/tides.html');
    await focusTab(session.browser, panel, b);
    await expect(panel.getByTestId('chat-empty').isVisible()).resolves.toBe(true);
    await ask(panel, 'When is high tide?');
    const threadB = (await currentThread(panel))!;
    expect(threadB.id).not.toBe(threadA.id);

    expect(await focusTab(session.browser, panel, a)).toBe(tabA);
    await expect.poll(() => panel.locator('.chat').getAttribute('data-thread')).toBe(threadA.id);
    await expect(panel.getByTestId('question-text').allTextContents()).resolves.toEqual([
      'Where does the walrus haul out?',
    ]);
    await focusTab(session.browser, panel, b);
    await expect.poll(() => panel.locator('.chat').getAttribute('data-thread')).toBe(threadB.id);
    await expect(panel.getByTestId('question-text').allTextContents()).resolves.toEqual(['When is high tide?']);

    // Navigating tab B starts a new thread; the old one stays in history.
    await b.goto(`${session.pages.url}/animals.html`);
    await focusTab(session.browser, panel, b);
    await expect.poll(() => panel.locator('.chat').getAttribute('data-thread')).not.toBe(threadB.id);
    await expect(panel.getByTestId('chat-empty').isVisible()).resolves.toBe(true);
    expect((await storedThreads(panel)).map((t) => t.id)).toContain(threadB.id);
  });

  test('"New chat" starts a second thread for the same page; the first stays in history', async () => {
    const earlier = new Set((await storedThreads(panel)).map((t) => t.id));
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    await ask(panel, 'When is low tide?');
    const first = (await currentThread(panel))!;
    await panel.getByRole('button', { name: 'New chat' }).click();
    await expect.poll(() => panel.locator('.chat').getAttribute('data-thread')).not.toBe(first.id);
    await panel.getByTestId('chat-empty').waitFor();
    await ask(panel, 'And high tide?');
    const second = (await currentThread(panel))!;
    expect(second.id).not.toBe(first.id);
    const added = (await storedThreads(panel)).filter((t) => !earlier.has(t.id));
    expect(added.map((t) => [t.id, t.url]).sort()).toEqual(
      [
        [first.id, page.url()],
        [second.id, page.url()],
      ].sort(),
    );
    expect(second.messages.map((m) => m.text)).toContain('And high tide?');
    expect(second.messages.map((m) => m.text)).not.toContain('When is low tide?');
  });

  test('closing the tab keeps its thread in history', async () => {
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    await ask(panel, 'Is the tide out?');
    const thread = (await currentThread(panel))!;
    await page.close();
    await showView(panel, 'History');
    await panel.locator(`[data-testid="chat-history-item"][data-thread="${thread.id}"]`).waitFor();
    await showView(panel, 'Chat');
  });
});

describe('deleting', () => {
  test('a thread deleted in history stays deleted, even while its tab is open', async () => {
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    await ask(panel, 'When is high tide?');
    const thread = (await currentThread(panel))!;
    await showView(panel, 'History');
    const item = panel.locator(`[data-testid="chat-history-item"][data-thread="${thread.id}"]`);
    await expect(item.innerText()).resolves.toContain('Tide tables');
    await item.getByRole('button', { name: /^Delete chat about/ }).click();
    await expect.poll(async () => (await storedThreads(panel)).some((t) => t.id === thread.id)).toBe(false);
    await showView(panel, 'Chat');
    await expect.poll(() => panel.locator('.chat').getAttribute('data-thread')).not.toBe(thread.id);
    await ask(panel, 'And low tide?');
    const ids = (await storedThreads(panel)).map((t) => t.id);
    expect(ids).not.toContain(thread.id);
    expect((await currentThread(panel))!.messages.map((m) => m.text)).not.toContain('When is high tide?');
  });
});

describe('temporary chat', () => {
  test('writes nothing to the database', async () => {
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    const before = await databaseSnapshot(panel);
    await panel.getByRole('checkbox', { name: /Temporary chat/ }).check();
    await expect.poll(() => panel.locator('.chat').getAttribute('data-temporary')).toBe('true');
    const answer = await ask(panel, 'When is high tide?');
    expect(answer.status).toBe('complete');
    expect(answer.text).toContain('When is high tide?');
    expect(await databaseSnapshot(panel)).toEqual(before);
    await panel.getByRole('checkbox', { name: /Temporary chat/ }).uncheck();
  });
});

describe('history on the device', () => {
  test('after a browser restart the threads are in history; export → delete all → import restores them exactly', async () => {
    await atLeastThreads(3);
    const before = await storedThreads(panel);
    expect(before.length).toBeGreaterThan(2);
    await session.restartBrowser();
    panel = await session.browser.openExtensionPage('/sidepanel.html');
    await showView(panel, 'History');
    const items = panel.getByTestId('chat-history-item');
    await expect.poll(() => items.count()).toBe(before.length);
    const byId = (list: typeof before) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(await storedThreads(panel))).toEqual(byId(before));

    const download = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export chats' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; threads: unknown[] };
    expect(exported.format).toBe('edgewise-chats');
    expect(byId(exported.threads as typeof before)).toEqual(byId(before));

    await panel.getByRole('button', { name: 'Delete all chats' }).click();
    await confirmInPanel(panel);
    await expect.poll(async () => (await storedThreads(panel)).length).toBe(0);

    // A broken file is refused with a clear message, and nothing changes.
    await panel.getByTestId('import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "edgewise-chats", "version": 1, "threads": ['),
    });
    await expect.poll(() => panel.getByTestId('import-message').innerText()).toMatch(/not valid JSON/);
    expect(await storedThreads(panel)).toEqual([]);

    await panel.getByTestId('import-file').setInputFiles(file);
    await expect
      .poll(() => panel.getByTestId('import-message').innerText())
      .toMatch(new RegExp(`Imported ${before.length} chats`));
    expect(byId(await storedThreads(panel))).toEqual(byId(before));
    await expect.poll(() => items.count()).toBe(before.length);
  });

  test('a thread opened from history can be read again', async () => {
    await atLeastThreads(1);
    await showView(panel, 'History');
    const [thread] = await storedThreads(panel);
    await panel.locator(`[data-testid="chat-history-item"][data-thread="${thread!.id}"] button.linklike`).click();
    await expect.poll(() => panel.locator('.chat').getAttribute('data-thread')).toBe(thread!.id);
    await expect(panel.getByTestId('question-text').allTextContents()).resolves.toEqual(
      thread!.messages.filter((m) => m.role === 'user').map((m) => m.text),
    );
  });
});

describe('idle unload', () => {
  test('the engine unloads after the idle time, and the next question reloads from IndexedDB alone', async () => {
    const page = await open('/tides.html');
    await showView(panel, 'Settings');
    await panel.locator('#idle-unload').fill('0.05'); // 3 seconds
    await panel.locator('#idle-unload').press('Tab');
    await panel.getByTestId('settings-status').filter({ hasText: 'Saved.' }).waitFor();
    await showView(panel, 'Chat');
    await focusTab(session.browser, panel, page);
    await ask(panel, 'When is high tide?');
    const status = panel.getByTestId('engine-status').first();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('idle');
    await expect(status.innerText()).resolves.toMatch(/was unloaded after being unused/);

    session.hub.clearLog();
    const answer = await ask(panel, 'And low tide?');
    expect(answer.status).toBe('complete');
    expect(session.hub.requests).toEqual([]);
  });

  test('no unhandled errors in any context', () => {
    expect(session.browser.errors).toEqual([]);
  });
});
