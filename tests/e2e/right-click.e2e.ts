/**
 * A person's right-click: real X input on a real (headed, virtual-display) Chromium
 * window. Only a real click is a user gesture, so this is the one test where Chrome
 * itself opens the side panel from our menu item.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  configure,
  ensureModel,
  expectEchoed,
  startDesktop,
  startSession,
  storedSummaries,
  type Desktop,
  type Session,
} from './harness';

const MODEL = 'edgewise-test/echo-tiny-1k';
let desktop: Desktop;
let session: Session;

beforeAll(async () => {
  desktop = await startDesktop();
  session = await startSession({ display: desktop.display });
  await configure(session.browser, { modelId: MODEL });
  // Downloaded first, so the panel can go straight to summarizing.
  await ensureModel(session.browser, MODEL);
});
afterAll(async () => {
  await session?.close();
  desktop?.close();
});

test('right-click → “Summarize page” opens the side panel, which summarizes the page', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.pages.url}/blog.html`);
  await page.bringToFront();
  const window = await desktop.findWindow('Mon premier pain au levain');
  await desktop.xdotool('windowfocus', window);
  await desktop.xdotool('mousemove', '400', '450', 'click', '3');
  await new Promise((r) => setTimeout(r, 800));
  // Our item sits just above "View page source" and "Inspect", the menu's last two items.
  await desktop.xdotool('key', 'Up', 'Up', 'Up', 'Return');

  // The side panel is not a tab Playwright can drive; what it did is in the history it saved.
  const extensionPage = await session.browser.openExtensionPage('/options.html');
  await expect
    .poll(async () => (await storedSummaries(extensionPage)).filter((s) => s.url === page.url()).length, {
      timeout: 180_000,
    })
    .toBe(1);
  const [summary] = (await storedSummaries(extensionPage)).filter((s) => s.url === page.url());
  const seen = [...summary!.parts, summary!.text].join(' ').replace(/\s+/g, ' ');
  expectEchoed(seen, "trois mois d'essais ratés");
  expect(summary!.coverage).toMatch(/^Summarized all/);
});
