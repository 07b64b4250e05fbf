/**
 * Side-panel chat, end to end: the panel follows the active tab, sends the page (or the
 * parts that match the question) with the question, streams the answer, and keeps one
 * thread per tab in IndexedDB. The echo model writes back its last user message, so the
 * saved answer shows exactly what reached it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  ask,
  currentThread,
  ensureModel,
  expectEchoed,
  focusTab,
  removeModel,
  startChatSession,
  type Session,
} from './harness';

const MODEL = 'edgewise-test/echo-tiny-1k';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(MODEL));
});
afterAll(() => session?.close());
// Every test but the first-run one starts with the model downloaded, whatever ran before.
beforeEach(() => ensureModel(session.browser, MODEL));

const open = (path: string) => session.openPage(path);

/** The newest saved answer of the thread the panel shows, raw (markdown rendering hides the delimiters). */
async function savedAnswer() {
  const thread = await currentThread(panel);
  return thread?.messages.filter((m) => m.role === 'assistant').at(-1);
}

describe('first run', () => {
  test('nothing is fetched until the user agrees; the offer names the model', async () => {
    await removeModel(session.browser, MODEL);
    session.hub.clearLog();
    const firstRun = await session.browser.openExtensionPage('/sidepanel.html');
    await firstRun.getByTestId('model-offer').waitFor();
    await expect(firstRun.getByTestId('model-offer').innerText()).resolves.toContain(MODEL);
    expect(session.hub.requests.filter((r) => r.path.includes('/resolve/'))).toEqual([]);
    await firstRun
      .getByTestId('model-offer')
      .getByRole('button', { name: /Download/ })
      .click();
    await firstRun.getByTestId('model-offer').waitFor({ state: 'detached', timeout: 60_000 });
    expect(session.hub.requests.some((r) => r.path.endsWith('onnx/model.onnx'))).toBe(true);
    await firstRun.close();
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

describe('very long pages', () => {
  test('a page of 12,000 paragraphs: the one part that matches reaches the model', async () => {
    const paragraphs = Array.from({ length: 12_000 }, (_, i) =>
      i === 9_000
        ? '<p>The zeppelin hangar opens at dawn.</p>'
        : `<p>Entry ${i}: an ordinary line about nothing much.</p>`,
    );
    const url = `${session.pages.url}/huge.html`;
    const page = await session.browser.context.newPage();
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><title>Ledger</title></head><body><main>${paragraphs.join('')}</main></body></html>`,
      }),
    );
    await page.goto(url);
    await focusTab(session.browser, panel, page);
    const answer = await ask(panel, 'When does the zeppelin hangar open?', 180_000);
    expect(answer.status).toBe('complete');
    const context = (await savedAnswer())!.context!;
    expect(context.mode).toBe('relevant');
    expect(context.totalParts).toBeGreaterThan(1000);
    expect(context.parts.some((p) => p.preview.includes('zeppelin hangar'))).toBe(true);
    expectEchoed((await savedAnswer())!.text, 'The zeppelin hangar opens at dawn.');
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

test('no unhandled errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
