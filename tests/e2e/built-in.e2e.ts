/**
 * Issue 14: Chrome's built-in AI. Without it (this headless Chromium has no Gemini Nano),
 * real detection says so and "Auto" answers on this device's model. With the TEST
 * STAND-IN installed (the Prompt API's shape, tests/stand-ins/prompt-api.ts): the first
 * download only from the button, with progress; "Auto" answers through it and says so; a
 * prompt over its window is refused in plain words, with a local retry.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECHO_MODEL, ask, focusTab, showView, startChatSession, type Session } from './harness';
import { installBuiltInStandIn } from './harness/built-in';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
});
afterAll(() => session?.close());

const lastAnswer = () => panel.getByTestId('message-assistant').last();

async function chooseAuto(): Promise<void> {
  await showView(panel, 'Settings');
  await panel.locator('#chat-route').selectOption('auto');
  await panel.getByTestId('settings-status').filter({ hasText: 'Saved.' }).waitFor();
}

test('real detection in this browser: unavailable, and Auto answers on this device', async () => {
  await chooseAuto();
  const state = panel.getByTestId('built-in-state');
  await expect.poll(() => state.getAttribute('data-availability')).toBe('unavailable');
  expect(await state.innerText()).toMatch(/not available in this browser/);
  await showView(panel, 'Chat');
  const page = await session.openPage('/tides.html');
  await focusTab(session.browser, panel, page);
  expect((await ask(panel, 'When is high tide?')).status).toBe('complete');
  expect(await lastAnswer().getByTestId('ran-on').getAttribute('data-kind')).toBe('device');
});

test('with the stand-in: download from the button with progress, then Auto answers with built-in AI', async () => {
  await installBuiltInStandIn(session.browser, { availability: 'downloadable', requireActivation: true });
  await panel.reload();
  await showView(panel, 'Settings');
  const state = panel.getByTestId('built-in-state');
  await expect.poll(() => state.getAttribute('data-availability')).toBe('downloadable');
  // Nothing was created (downloaded) just by looking.
  expect(
    await panel.evaluate(
      () =>
        (globalThis as unknown as { __promptApiStandInLog: { create: unknown[] } }).__promptApiStandInLog.create.length,
    ),
  ).toBe(0);
  await panel.getByRole('button', { name: "Download Chrome's model" }).click();
  await expect.poll(() => state.getAttribute('data-availability')).toBe('available');
  const log = await panel.evaluate(
    () =>
      (
        globalThis as unknown as {
          __promptApiStandInLog: { create: { activation: boolean }[]; availability: unknown[] };
        }
      ).__promptApiStandInLog,
  );
  // Started by the click (user activation), asked with the options create() got.
  expect(log.create[0]!.activation).toBe(true);
  expect(log.availability[0]).toEqual({
    expectedInputs: [{ type: 'text', languages: ['en'] }],
    expectedOutputs: [{ type: 'text', languages: ['en'] }],
  });

  await showView(panel, 'Chat');
  const page = await session.openPage('/tides.html');
  await focusTab(session.browser, panel, page);
  const answer = await ask(panel, 'When does the ferry leave?');
  expect(answer.status).toBe('complete');
  expect(answer.text).toContain('Built-in answer:');
  expect(answer.text).toContain('When does the ferry leave?');
  expect(await lastAnswer().getByTestId('ran-on').innerText()).toBe('Chrome built-in AI · on this device');
});

test('with the stand-in and a tiny window: a plain refusal, and Retry on this device answers', async () => {
  await installBuiltInStandIn(session.browser, { availability: 'available', contextWindow: 40 });
  await panel.reload();
  await showView(panel, 'Chat');
  const page = await session.openPage('/tides.html');
  await focusTab(session.browser, panel, page);
  const failed = await ask(panel, 'When is high tide today at the harbour?');
  expect(failed.status).toBe('error');
  // Refused before anything runs: the prompt is fitted to the window the model reports.
  expect(failed.error).toMatch(/too long for this model/);
  await lastAnswer().getByTestId('retry-local').click();
  await panel
    .locator(
      '[data-testid="message-assistant"][data-status="complete"]:last-child [data-testid="ran-on"][data-kind="device"]',
    )
    .waitFor();
});
