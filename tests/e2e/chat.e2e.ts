/**
 * Side-panel chat, end to end: the panel follows the active tab, sends the page (or the
 * parts that match the question) with the question, streams the answer, and keeps one
 * thread per tab in IndexedDB. The echo model writes back its last user message, so the
 * saved answer shows exactly what reached it.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ask,
  configure,
  currentThread,
  databaseSnapshot,
  expectEchoed,
  focusTab,
  showView,
  startSession,
  storedThreads,
  type Session,
} from './harness';

const MODEL = 'edgewise-test/echo-tiny-1k';

let session: Session;
let panel: Page;

beforeAll(async () => {
  session = await startSession();
  await configure(session.browser, { modelId: MODEL });
  panel = await session.browser.openExtensionPage('/sidepanel.html');
});
afterAll(() => session?.close());

async function open(path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.pages.url}${path}`);
  return page;
}

/** The newest saved answer of the thread the panel shows, raw (markdown rendering hides the delimiters). */
async function savedAnswer() {
  const thread = await currentThread(panel);
  return thread?.messages.filter((m) => m.role === 'assistant').at(-1);
}

describe('first run', () => {
  test('nothing is fetched until the user agrees; the offer names the model', async () => {
    await panel.getByTestId('model-offer').waitFor();
    expect(session.hub.requests.filter((r) => r.path.includes('/resolve/'))).toEqual([]);
    await panel
      .getByTestId('model-offer')
      .getByRole('button', { name: /Download/ })
      .click();
    await panel.getByTestId('model-offer').waitFor({ state: 'detached', timeout: 60_000 });
    expect(session.hub.requests.some((r) => r.path.endsWith('onnx/model.onnx'))).toBe(true);
  });
});

describe('chat about the page', () => {
  test('the question and the page reach the model, and the answer streams into the panel', async () => {
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    await expect(panel.getByTestId('context-indicator').innerText()).resolves.toMatch(/Page: \d+ words/);
    const answer = await ask(panel, 'When is high tide?');
    expect(answer.status).toBe('complete');
    expect(answer.context).toMatch(/Used the whole page/);
    const saved = await savedAnswer();
    expectEchoed(saved!.text, 'High tide at Kettlewick harbour comes at 6:40 today.');
    expectEchoed(saved!.text, 'When is high tide?');
    expectEchoed(saved!.text, '<page title="Tide tables">');
    expect(answer.text).toContain('When is high tide?');
  });
});

describe('long pages', () => {
  test('only the parts that match the question are sent, and the panel lists them', async () => {
    const page = await open('/animals.html');
    await focusTab(session.browser, panel, page);
    const answer = await ask(panel, 'How fast does the cheetah sprint?');
    expect(answer.status).toBe('complete');
    expect(answer.context).toMatch(/^Used parts [\d, ]+ of \d+ that match the question/);
    const saved = await savedAnswer();
    const context = saved!.context!;
    expect(context.mode).toBe('relevant');
    expect(context.totalParts).toBeGreaterThan(context.parts.length);
    // Every part sent holds a word of the question; the cheetah's is among them.
    for (const part of context.parts) expect(part.preview.toLowerCase()).toMatch(/fast|cheetah|sprint/);
    expect(context.parts.some((p) => p.preview.includes('cheetah sprints at 110'))).toBe(true);
    // The panel lists the same parts.
    const listed = await panel.locator('[data-testid="context-parts"]').last().locator('li').allTextContents();
    expect(listed.map((t) => t.replace(/…$/, ''))).toEqual(context.parts.map((p) => p.preview));
    // What reached the model: the matching part, and none of the others.
    expectEchoed(saved!.text, 'The cheetah sprints at 110 km/h');
    for (const absent of ['walrus', 'octopus', 'pangolin', 'narwhal', 'capybara', 'quokka']) {
      expect(saved!.text).not.toContain(absent);
    }
  });
});

describe('stop, regenerate, edit', () => {
  const LONG = 'Please repeat this sentence about lanterns, harbours and ferries. '.repeat(3).trim();

  test('Esc stops mid-stream and keeps the partial answer, marked stopped', async () => {
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    await panel.getByRole('checkbox', { name: 'Use this page' }).uncheck();
    const answers = panel.locator('[data-testid="message-assistant"]');
    const before = await answers.count();
    await panel.locator('#chat-input').fill(LONG);
    await panel.locator('#chat-input').press('Enter');
    await panel.waitForFunction(
      (n) => (document.querySelectorAll('[data-testid="answer-text"]')[n]?.textContent ?? '').length > 8,
      before,
      { polling: 10 },
    );
    await panel.keyboard.press('Escape');
    const stopped = answers.nth(before);
    await expect.poll(() => stopped.getAttribute('data-status')).toBe('stopped');
    await expect(stopped.getByTestId('stopped-note').isVisible()).resolves.toBe(true);
    const saved = await savedAnswer();
    expect(saved!.status).toBe('stopped');
    expect(saved!.text.length).toBeGreaterThan(0);
    expect(saved!.text.length).toBeLessThan(LONG.length);
    expect(saved!.context!.mode).toBe('none');
    // Focus goes back to the message box.
    await expect(panel.evaluate(() => document.activeElement?.id)).resolves.toBe('chat-input');
  });

  test('the Stop button stops too', async () => {
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    await panel.getByRole('checkbox', { name: 'Use this page' }).uncheck();
    await panel.locator('#chat-input').fill(LONG);
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.waitForFunction(
      () => (document.querySelector('[data-testid="answer-text"]')?.textContent ?? '').length > 8,
      undefined,
      { polling: 10 },
    );
    // Dispatched at once: the tiny model answers in well under a second.
    await panel.getByRole('button', { name: 'Stop' }).dispatchEvent('click');
    await expect.poll(async () => (await savedAnswer())?.status).toBe('stopped');
    expect((await savedAnswer())!.text.length).toBeLessThan(LONG.length);
  });

  test('Regenerate writes the last answer again; Edit and resend replaces the question', async () => {
    const page = await open('/tides.html');
    await focusTab(session.browser, panel, page);
    await panel.getByRole('checkbox', { name: 'Use this page' }).uncheck();
    await ask(panel, 'Say hello to the ferry');
    const threadBefore = (await currentThread(panel))!;
    const count = threadBefore.messages.length;
    const last = threadBefore.messages.at(-1)!;

    await panel.getByRole('button', { name: 'Regenerate answer' }).click();
    await expect
      .poll(async () => {
        const newest = (await currentThread(panel))!.messages.at(-1)!;
        return newest.role === 'assistant' && newest.status === 'complete' && newest.id !== last.id;
      })
      .toBe(true);
    const regenerated = (await currentThread(panel))!;
    expect(regenerated.messages).toHaveLength(count);
    expect(regenerated.messages.at(-2)!.text).toBe('Say hello to the ferry');
    expect(regenerated.messages.at(-1)!.text).toBe('Say hello to the ferry');

    await panel.getByRole('button', { name: 'Edit and resend' }).click();
    await expect.poll(() => panel.locator('#chat-input').inputValue()).toBe('Say hello to the ferry');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    await panel.locator('#chat-input').fill('Say goodbye to the lighthouse');
    await panel.locator('#chat-input').press('Enter');
    await expect
      .poll(
        async () => {
          const newest = (await currentThread(panel))!.messages.at(-1)!;
          return newest.role === 'assistant' && newest.status === 'complete' ? newest.text : null;
        },
        { timeout: 60_000 },
      )
      .toBe('Say goodbye to the lighthouse');
    const edited = (await currentThread(panel))!;
    expect(edited.messages).toHaveLength(count);
    expect(edited.messages.map((m) => m.text)).not.toContain('Say hello to the ferry');
    expect(edited.messages.at(-2)).toMatchObject({ role: 'user', text: 'Say goodbye to the lighthouse' });
  });
});

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

    panel.once('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: 'Delete all chats' }).click();
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
    await showView(panel, 'Models');
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
