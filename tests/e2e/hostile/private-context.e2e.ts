/**
 * Hostile pages, part 5: the private context (issue 12). A page, or a script in its
 * content-script world, cannot read the profile or page memory: the store lives in the
 * extension's origin and no message hands it out. And a page cannot get itself remembered
 * by hiding the secret field that keeps it out.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  ask,
  focusTab,
  rememberedUrls,
  showView,
  startChatSession,
  storedMemory,
  type Session,
} from '../harness';
import { contentScriptWorld } from '../harness/worlds';

const CANARY_EMAIL = 'canaryhostile8841@example.com';
const CANARY_PAGE = 'CANARYMEMORY5120';

let session: Session;
let panel: Page;

/** Runs in the page's content-script world: what any script injected there could try. */
const PROBE = `globalThis.__privateProbe = {
  async stores() {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('edgewise');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    db.close();
    return names;
  },
  async send(message) {
    try {
      return JSON.stringify(await chrome.runtime.sendMessage(message));
    } catch (error) {
      return String(error);
    }
  },
};`;

interface Probe {
  stores(): Promise<string[]>;
  send(message: unknown): Promise<string>;
}

beforeAll(async () => {
  ({ session, panel } = await startChatSession(ECHO_MODEL));
  // A profile and a remembered page holding canaries, brought in as a user would: an import.
  const file = {
    format: 'edgewise-private-context',
    version: 1,
    exportedAt: new Date().toISOString(),
    profiles: [
      {
        id: 'p1',
        name: 'Personal',
        isDefault: true,
        fields: { email: [CANARY_EMAIL] },
        links: [],
        about: '',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    pages: [
      {
        url: 'https://notes.example/',
        title: 'Notes',
        lang: 'en',
        reason: 'used',
        visitedAt: Date.now(),
        text: CANARY_PAGE,
      },
    ],
  };
  await showView(panel, 'Data');
  await panel.getByTestId('context-import').setInputFiles({
    name: 'context.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(panel.getByTestId('data-outcome').innerText()).resolves.toMatch(/Imported 1 profiles and 1 pages/);
});
afterAll(() => session?.close());

test('a content script sees no Edgewise store, and no message hands out the profile or memory', async () => {
  const page = await session.openPage('/article.html');
  const world = await contentScriptWorld<Probe>(page, PROBE, '__privateProbe');
  // The content-script world shares the page's origin: its "edgewise" database is an empty one.
  expect(await world.call('stores')).toEqual([]);
  for (const message of [
    { type: 'memory/search', query: CANARY_PAGE },
    { type: 'profiles/list' },
    { type: 'engine/ensure' },
    { type: 'storage/export' },
  ]) {
    const reply = await world.call('send', message);
    expect(reply).toMatch(/Only Edgewise’s own pages/);
    expect(reply).not.toContain(CANARY_EMAIL);
    expect(reply).not.toContain(CANARY_PAGE);
  }
  // The page's own world has no way to the extension at all.
  expect(
    await page.evaluate(
      () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    ),
  ).toBe('undefined');
  // Still there, for the extension's own pages.
  expect((await storedMemory(panel)).map((p) => p.url)).toContain('https://notes.example/');
});

test.each(['/hostile/secret-hidden.html', '/hostile/secret-shadow.html'])(
  '%s: a secret field hidden by CSS or in a closed shadow root still keeps the page out of memory',
  async (path) => {
    const page = await session.openPage(path);
    await showView(panel, 'Chat');
    await focusTab(session.browser, panel, page);
    const answer = await ask(panel, 'What is this about?');
    expect(answer.status).toBe('complete');
    await showView(panel, 'Memory');
    await expect(panel.getByTestId('memory-skipped').innerText()).resolves.toMatch(/asks for a password, a card/);
    expect(await rememberedUrls(panel)).not.toContain(page.url());
  },
);
