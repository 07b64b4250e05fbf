/**
 * Every view, as a user sees it, in light and dark: a screenshot of each (saved under
 * tests/screenshots/, git-ignored, so anyone can look at the panel without a browser) and
 * an axe-core check with no serious violations. Views are filled first (an answer, a
 * summary, a history entry), so what is checked is what people read.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  EXTENSION_ORIGIN,
  ROOT,
  ask,
  clickMenuItem,
  finishedSummary,
  focusTab,
  panelRun,
  seriousViolations,
  showView,
  startChatSession,
  type Session,
} from './harness';

const SHOTS = resolve(ROOT, 'tests/screenshots');
const PANEL_VIEWS = ['Chat', 'Summary', 'History', 'Memory', 'Profile', 'Models', 'Data', 'Sent', 'Settings'] as const;

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
  await panel.setViewportSize({ width: 420, height: 760 });
  await mkdir(SHOTS, { recursive: true });
  const page = await session.openPage('/tides.html');
  await showView(panel, 'Summary');
  const run = await panelRun(panel);
  await clickMenuItem(session.browser, 'edgewise-summarize-page', page);
  expect((await finishedSummary(panel, run)).error).toBe('');
  await showView(panel, 'Chat');
  await focusTab(session.browser, panel, page);
  expect((await ask(panel, 'When is high tide?')).status).toBe('complete');
});
afterAll(() => session?.close());

async function check(page: Page, name: string, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.screenshot({ path: resolve(SHOTS, `${name}-${scheme}.png`), fullPage: true });
  expect(await seriousViolations(page), `${name} (${scheme})`).toEqual([]);
}

test.each(['light', 'dark'] as const)(
  'every panel view in %s: a screenshot, and no serious violations',
  async (scheme) => {
    for (const view of PANEL_VIEWS) {
      await showView(panel, view);
      await check(panel, `panel-${view.toLowerCase()}`, scheme);
    }
  },
);

test.each(['light', 'dark'] as const)('the welcome and options pages in %s', async (scheme) => {
  const welcome = await session.browser.context.newPage();
  await welcome.goto(`${EXTENSION_ORIGIN}/welcome.html`);
  await welcome.getByTestId('welcome-offer').getByRole('button').waitFor();
  await check(welcome, 'welcome', scheme);
  await welcome.close();
  const options = await session.browser.openExtensionPage('/options.html');
  await options.locator('#model-host').waitFor();
  await check(options, 'options', scheme);
  await options.close();
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
