/**
 * Page memory end to end (issue 12), in real Chromium with the built extension and the
 * echo model: what is remembered and what never is (asserted on IndexedDB), "Also search
 * my pages" in chat (the echo shows what reached the model), opt-in reading after a dwell,
 * and every way to forget, down to "Delete everything".
 *
 * Two sites: the fixture server answers as 127.0.0.1 and as localhost.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  ask,
  clickMenuItem,
  confirmInPanel,
  currentThread,
  databaseSnapshot,
  expectEchoed,
  finishedSummary,
  focusTab,
  panelRun,
  rememberedUrls,
  showView,
  startChatSession,
  storageUsage,
  storedMemory,
  type Session,
} from './harness';

let session: Session;
let panel: Page;

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
});
afterAll(() => session?.close());

/** A fixture page's address on the first site (127.0.0.1) or the second (localhost). */
const at = (path: string, site: '127.0.0.1' | 'localhost' = '127.0.0.1') =>
  `${session.pages.url.replace('127.0.0.1', site)}${path}`;

async function openAt(url: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(url);
  return page;
}

/** Shows the chat, following `page` (made the active tab). */
async function chatOn(page: Page): Promise<void> {
  await page.bringToFront();
  await showView(panel, 'Chat');
  await focusTab(session.browser, panel, page);
}

/**
 * Asks `question` in chat about `page`, with "Also search my pages" (and "Use this page")
 * as given; returns what the panel shows and the raw saved answer.
 */
async function chatAbout(page: Page, question: string, { searchMemory = false, usePage = true } = {}) {
  await chatOn(page);
  await panel.getByLabel('Also search my pages').setChecked(searchMemory);
  await panel.getByLabel('Use this page').setChecked(usePage);
  const shown = await ask(panel, question);
  const saved = (await currentThread(panel))?.messages.filter((m) => m.role === 'assistant').at(-1);
  return { shown, saved: saved?.text ?? '' };
}

/** Opens the Memory view's "What to remember" form. */
async function memorySettings() {
  await showView(panel, 'Memory');
  const details = panel.locator('details.memory-settings-details');
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
  return details;
}

describe('what is remembered', () => {
  test('a summarized page and a chatted page are kept; "Also search my pages" answers from the matching one and cites it', async () => {
    const okavango = await openAt(at('/memory/delta.html'));
    const run = await panelRun(panel);
    await clickMenuItem(session.browser, 'edgewise-summarize-page', okavango);
    await finishedSummary(panel, run);
    await expect.poll(() => rememberedUrls(panel)).toContain(okavango.url());

    const bread = await openAt(at('/memory/bread.html'));
    await chatAbout(bread, 'How long do I knead?');
    await expect.poll(() => rememberedUrls(panel)).toContain(bread.url());
    const stored = await storedMemory(panel);
    expect(stored.find((p) => p.url === okavango.url())).toMatchObject({
      title: 'Field notes',
      reason: 'used',
    });

    const garden = await openAt(at('/memory/garden.html'));
    // The echo model copies short messages well (up to ~300 bytes), so this page's own text is
    // left out: the message is then the remembered block and the question.
    const { shown, saved } = await chatAbout(garden, 'When does the delta flood?', {
      searchMemory: true,
      usePage: false,
    });
    expect(shown.status).toBe('complete');
    // The echo model writes back what reached it: page A's matching text, in its own block…
    expectEchoed(saved, 'The Okavango delta floods every winter');
    expectEchoed(saved, 'url="');
    // …and nothing of page B, which does not match.
    expect(saved).not.toMatch(/sourdough|linen cloth/);
    // The answer cites A, with its title, a link and when it was used.
    const note = panel.getByTestId('remembered-note').last();
    const link = note.getByRole('link', { name: 'Field notes' });
    await expect(link.getAttribute('href')).resolves.toBe(okavango.url());
    await expect(note.innerText()).resolves.toMatch(/127\.0\.0\.1, (now|\d+ (second|minute)s? ago)/);
    await panel.getByLabel('Also search my pages').setChecked(false);
    await panel.getByLabel('Use this page').setChecked(true);
  });

  test('never: a page with a password field, a denied site, anything while paused', async () => {
    const login = await openAt(at('/memory/login.html'));
    await chatAbout(login, 'Is my statement ready?');
    await showView(panel, 'Memory');
    await expect(panel.getByTestId('memory-skipped').innerText()).resolves.toMatch(/asks for a password/);
    expect(await rememberedUrls(panel)).not.toContain(login.url());

    // "Don't remember this site", offered for the page in front.
    const other = await openAt(at('/memory/garden.html', 'localhost'));
    await chatOn(other);
    await showView(panel, 'Memory');
    await panel.getByRole('button', { name: "Don't remember this site (localhost)" }).click();
    await panel.getByText('localhost is never remembered.').waitFor();
    await chatAbout(other, 'What bolted in July?');
    expect((await rememberedUrls(panel)).some((url) => url.includes('localhost'))).toBe(false);
    const details = await memorySettings();
    await details.locator('#memory-denied').fill('');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Saved.').waitFor();

    // Paused for an hour: nothing is remembered, even a page used with Edgewise.
    await showView(panel, 'Memory');
    await panel.getByRole('button', { name: 'Pause for an hour' }).click();
    await panel.getByTestId('memory-paused').waitFor();
    const before = await rememberedUrls(panel);
    await chatAbout(other, 'What ripened late?');
    const run = await panelRun(panel);
    await clickMenuItem(session.browser, 'edgewise-summarize-page', other);
    await finishedSummary(panel, run);
    expect(await rememberedUrls(panel)).toEqual(before);
    await showView(panel, 'Memory');
    await panel.getByRole('button', { name: 'Turn back on' }).click();
    await panel.getByRole('button', { name: 'Pause for an hour' }).waitFor();
  });

  test('opt-in reading: a page in front for the dwell time, on an allowed site, and only then', async () => {
    const details = await memorySettings();
    await details.getByLabel('Also remember pages I read').check();
    await details.getByLabel('only the sites I allow').check();
    await details.locator('#memory-dwell').fill('5');
    await details.locator('#memory-allowed').fill('localhost');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Saved.').waitFor();

    // Left before the dwell: not remembered.
    const brief = await openAt(at('/memory/bread.html', 'localhost'));
    await brief.bringToFront();
    await brief.waitForTimeout(2000);
    const elsewhere = await openAt(at('/tides.html'));
    await elsewhere.bringToFront();
    // In front for the dwell, but on a site not allowed: not remembered either.
    await elsewhere.waitForTimeout(7000);
    let urls = await rememberedUrls(panel);
    expect(urls).not.toContain(brief.url());
    expect(urls).not.toContain(elsewhere.url());

    // In front on an allowed site: not after 2 s, but once 5 s have passed.
    const read = await openAt(at('/memory/delta.html', 'localhost'));
    await read.bringToFront();
    await read.waitForTimeout(2000);
    expect(await rememberedUrls(panel)).not.toContain(read.url());
    await expect.poll(() => rememberedUrls(panel), { timeout: 15_000 }).toContain(read.url());
    expect((await storedMemory(panel)).find((p) => p.url === read.url())?.reason).toBe('read');
    urls = await rememberedUrls(panel);
    expect(urls).not.toContain(brief.url());

    await details.getByLabel('Also remember pages I read').uncheck();
    await panel.bringToFront();
  });
});

describe('forgetting', () => {
  test('by site and by time range remove exactly those records', async () => {
    // Pages of known ages and sites, brought in through import: one a week and a day old.
    const now = Date.now();
    const page = (url: string, ago: number) => ({
      url,
      title: url,
      lang: 'en',
      reason: 'used',
      visitedAt: now - ago,
      text: `Notes from ${url}.`,
    });
    const file = {
      format: 'edgewise-private-context',
      version: 1,
      exportedAt: new Date().toISOString(),
      profiles: [],
      pages: [
        page('https://old.example/notes', 8 * 24 * 3600_000),
        page('https://a.example/one', 10 * 60_000),
        page('https://news.a.example/two', 20 * 60_000),
        page('https://b.example/three', 30 * 60_000),
      ],
    };
    await showView(panel, 'Data');
    await panel.getByTestId('context-import').setInputFiles({
      name: 'context.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(panel.getByTestId('data-outcome').innerText()).resolves.toMatch(/Imported 0 profiles and 4 pages/);
    const before = await storedMemory(panel);

    // By site: the site and its subdomains, nothing else.
    await showView(panel, 'Memory');
    const item = panel.locator('[data-testid="memory-page"][data-url="https://a.example/one"]');
    await item.getByRole('button', { name: 'Forget a.example' }).click();
    await expect
      .poll(async () => (await storedMemory(panel)).map((p) => p.url).sort())
      .toEqual(
        before
          .filter((p) => !p.url.includes('a.example'))
          .map((p) => p.url)
          .sort(),
      );

    // By range: everything visited in the last week goes; the older page stays.
    await panel.locator('#memory-range').selectOption('week');
    await panel.getByRole('button', { name: 'Forget pages', exact: true }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Forget pages' }).click();
    await expect.poll(async () => (await storedMemory(panel)).map((p) => p.url)).toEqual(['https://old.example/notes']);
    const parts = (await databaseSnapshot(panel)).memoryParts ?? [];
    expect(parts).toHaveLength(1);
    await expect(panel.getByTestId('memory-page').count()).resolves.toBe(1);
  });

  test('"Delete everything" leaves every store empty, and the storage estimate falls', async () => {
    await showView(panel, 'Data');
    const row = panel.locator('tr[data-kind="models"]');
    await expect.poll(() => row.getByTestId('data-count').innerText()).not.toBe('0');
    const before = await storageUsage(panel);
    await panel.getByLabel('Keep my settings').uncheck();
    await panel.getByRole('button', { name: 'Delete everything' }).click();
    await confirmInPanel(panel);
    await expect(panel.getByTestId('data-outcome').innerText()).resolves.toMatch(/Everything was deleted/);
    const snapshot = await databaseSnapshot(panel);
    for (const [store, rows] of Object.entries(snapshot)) expect([store, rows.length]).toEqual([store, 0]);
    expect(Object.keys(snapshot)).toEqual(
      expect.arrayContaining(['profiles', 'memoryPages', 'memoryParts', 'modelFiles']),
    );
    await expect.poll(() => storageUsage(panel), { timeout: 30_000 }).toBeLessThan(before);
    for (const kind of ['models', 'summaries', 'chats', 'profiles', 'memory', 'settings']) {
      await expect(panel.locator(`tr[data-kind="${kind}"]`).getByTestId('data-count').innerText()).resolves.toBe('0');
    }
  });
});
