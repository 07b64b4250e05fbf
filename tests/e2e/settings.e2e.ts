/**
 * One settings place, heard everywhere: the panel's Settings view and the options page show
 * the same form; a save in one reaches the other (and the engine) without a reload; an
 * emptied field goes back to its default; "Test connection" asks the real host.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_MODEL_ID } from '@/models';
import { HUGGING_FACE_HUB } from '@/lib/settings';
import { ECHO_MODEL, setModelHost, showView, startChatSession, type Session } from './harness';

let session: Session;
let panel: Page;
let options: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
  await showView(panel, 'Settings');
  options = await session.browser.openExtensionPage('/options.html');
  await options.locator('#model-host').waitFor();
});
afterAll(() => session?.close());

const hubHost = () => `${session.hub.url}/`;

/** Types into a field and saves, waiting for this save's "Saved." (not an earlier one's). */
async function saveIn(page: Page, field: '#model-host' | '#custom-model', value: string) {
  const status = page.getByTestId('settings-status');
  const before = Number(await status.getAttribute('data-saves'));
  await page.locator(field).fill(value);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => Number(await status.getAttribute('data-saves'))).toBe(before + 1);
  expect(await status.innerText()).toBe('Saved.');
}

test('a model chosen on the options page shows in the open panel at once, and the other way round', async () => {
  await expect.poll(() => panel.locator('#model').inputValue()).toBe(ECHO_MODEL);
  await saveIn(options, '#custom-model', 'edgewise-test/echo-tiny-1k');
  await expect.poll(() => panel.locator('#model').inputValue()).toBe('edgewise-test/echo-tiny-1k');
  await expect.poll(() => panel.locator('#custom-model').inputValue()).toBe('edgewise-test/echo-tiny-1k');

  await panel.locator('#model').selectOption(DEFAULT_MODEL_ID);
  await expect.poll(() => options.locator('#model').inputValue()).toBe(DEFAULT_MODEL_ID);
  await expect.poll(() => options.locator('#custom-model').inputValue()).toBe('');
  // The chat, too, now offers the newly chosen model, without a reload.
  await showView(panel, 'Chat');
  await expect.poll(() => panel.locator('.offer').innerText()).toMatch(/SmolLM2/);
  await showView(panel, 'Settings');
  await saveIn(panel, '#custom-model', ECHO_MODEL);
});

test('an emptied field goes back to its default, and stays so after a reload', async () => {
  await saveIn(options, '#model-host', 'http://localhost:9/');
  await expect.poll(() => panel.locator('#model-host').inputValue()).toBe('http://localhost:9/');
  await saveIn(options, '#model-host', '');
  await saveIn(options, '#custom-model', 'someone/custom-model');
  await saveIn(options, '#custom-model', '');
  await options.reload();
  await expect.poll(() => options.locator('#model-host').inputValue()).toBe(HUGGING_FACE_HUB);
  expect(await options.locator('#custom-model').inputValue()).toBe('');
  expect(await options.locator('#model').inputValue()).toBe(DEFAULT_MODEL_ID);
  await expect.poll(() => panel.locator('#model-host').inputValue()).toBe(HUGGING_FACE_HUB);

  // "Reset" does the same in one click.
  await setModelHost(session.browser, session.hub.url);
  await expect.poll(() => panel.locator('#model-host').inputValue()).toBe(hubHost());
  await panel.getByRole('button', { name: 'Reset to the Hugging Face hub' }).click();
  await expect.poll(() => options.locator('#model-host').inputValue()).toBe(HUGGING_FACE_HUB);
  await setModelHost(session.browser, session.hub.url);
});

test('"Test connection" asks the host in the field, in plain words', async () => {
  await expect.poll(() => panel.locator('#model-host').inputValue()).toBe(hubHost());
  await saveIn(panel, '#custom-model', ECHO_MODEL);
  session.hub.clearLog();
  await panel.getByRole('button', { name: 'Test connection' }).click();
  await expect
    .poll(() => panel.getByTestId('host-status').innerText())
    .toMatch(new RegExp(`^Connected: 127\\.0\\.0\\.1:\\d+ has ${ECHO_MODEL}`));
  expect(session.hub.requests.map((r) => [r.method, r.path])).toEqual([
    ['HEAD', `/${ECHO_MODEL}/resolve/main/config.json`],
  ]);

  await panel.locator('#model-host').fill('http://127.0.0.1:9/');
  await panel.getByRole('button', { name: 'Test connection' }).click();
  await expect
    .poll(() => panel.getByTestId('host-status').innerText())
    .toMatch(/^Could not reach 127\.0\.0\.1:9\. Are you offline/);
  await panel.locator('#model-host').fill(hubHost());
});

test('a download from an unreachable host fails in plain words, one click from the host setting', async () => {
  await saveIn(panel, '#model-host', 'http://127.0.0.1:9/');
  await saveIn(panel, '#custom-model', 'edgewise-test/echo-tiny-1k'); // not downloaded here
  await showView(panel, 'Chat');
  await panel
    .getByTestId('model-offer')
    .getByRole('button', { name: /^Download/ })
    .click();
  const error = panel.getByTestId('model-offer').getByTestId('download-error');
  await expect
    .poll(() => error.locator('.error').innerText(), { timeout: 30_000 })
    .toBe(
      'Edgewise could not reach 127.0.0.1:9. Are you offline? You can also use your own model host, or a smaller model.',
    );
  await expect(error.getByTestId('download-error-detail').textContent()).resolves.toMatch(/127\.0\.0\.1:9/);
  await error.getByRole('button', { name: 'Model host settings' }).click();
  await panel.locator('#view-settings:not([hidden]) #model-host').waitFor();
  await saveIn(panel, '#model-host', hubHost());
  await saveIn(panel, '#custom-model', ECHO_MODEL);
});

test('the theme applies to every open page at once', async () => {
  await panel.locator('#theme').selectOption('dark');
  await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
  await options.locator('#theme').selectOption('light');
  await expect
    .poll(() => panel.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(255, 255, 255)');
  await options.locator('#theme').selectOption('system');
  await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme ?? 'none')).toBe('none');
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
