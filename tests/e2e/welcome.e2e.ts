/**
 * Onboarding: a fresh install opens the welcome page once (not again after a restart), it
 * shows what Edgewise does and the model recommended for this device, and choosing that
 * model saves it for the panel's first-run offer.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION_ID, EXTENSION_ORIGIN, startSession, type Session } from './harness';

let session: Session;
const welcomePages = () =>
  session.browser.context.pages().filter((p) => p.url() === `${EXTENSION_ORIGIN}/welcome.html`);

beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

test('a fresh install opens the welcome page once, with the three features and the shortcuts', async () => {
  await expect.poll(() => welcomePages().length, { timeout: 10_000 }).toBe(1);
  const page = welcomePages()[0]!;
  await page.getByRole('heading', { name: 'Welcome to Edgewise' }).waitFor();
  for (const name of ['Summarize any page', 'Chat about the page', 'Private by design'])
    expect(await page.getByRole('heading', { name }).count()).toBe(1);
  expect(await page.locator('kbd').allTextContents()).toEqual(['Alt', 'Shift', 'S', 'Alt', 'Shift', 'E']);
});

test('it offers the model recommended for this device, and choosing it saves it', async () => {
  const page = welcomePages()[0]!;
  const offer = page.getByTestId('welcome-offer');
  await expect.poll(() => offer.innerText()).toMatch(/recommend SmolLM2 360M Instruct \(a 390 MB download\)/);
  await page.getByRole('button', { name: 'Use SmolLM2 360M Instruct and open Edgewise' }).click();
  const options = await session.browser.openExtensionPage('/options.html');
  await expect.poll(() => options.locator('#model').inputValue()).toBe('HuggingFaceTB/SmolLM2-360M-Instruct');
  await options.close();
});

test('it shows the shortcuts as Chrome has them, after the user changed one', async () => {
  const extensions = await session.browser.context.newPage();
  await extensions.goto('chrome://extensions/shortcuts');
  await extensions.evaluate(async (extensionId) => {
    // The API behind chrome://extensions/shortcuts.
    const developer = (
      globalThis as unknown as {
        chrome: { developerPrivate: { updateExtensionCommand(u: object): Promise<void> } };
      }
    ).chrome.developerPrivate;
    await developer.updateExtensionCommand({ extensionId, commandName: 'summarize-page', keybinding: 'Ctrl+Shift+Y' });
  }, EXTENSION_ID);
  await extensions.close();
  const page = welcomePages()[0]!;
  await page.reload();
  await expect.poll(() => page.locator('kbd').allTextContents()).toEqual(['Ctrl', 'Shift', 'Y', 'Alt', 'Shift', 'E']);
});

test('a browser restart does not open it again', async () => {
  for (const page of welcomePages()) await page.close();
  await session.restartBrowser();
  await session.browser.serviceWorker();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(welcomePages()).toEqual([]);
});
