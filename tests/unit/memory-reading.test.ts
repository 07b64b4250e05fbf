/** Issue 12, acceptance 4 in Node: a page read is remembered only after the dwell, in front, on an allowed site. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractedPage } from '@/lib/extract';
import { listMemory, watchReading } from '@/lib/memory';
import { saveSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';

const DWELL_MS = 20_000;
let db: EdgewiseDatabase;
let stop: () => void;
let reads: number[];

function pageFor(url: string): ExtractedPage {
  return {
    title: `Title ${url}`,
    url,
    byline: '',
    lang: 'en',
    text: `Text of ${url}.`,
    wordCount: 3,
    source: 'article',
    capped: null,
    secretFields: url.includes('login'),
    ms: 1,
  };
}

async function start(): Promise<void> {
  stop = watchReading({
    apis: fakeBrowser,
    db,
    read: async (tabId) => {
      reads.push(tabId);
      return pageFor((await fakeBrowser.tabs.get(tabId)).url!);
    },
  });
  await settle();
}

/** Lets the watcher's awaits (settings, tab queries) run without moving the clock much. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(1);
}

async function urls(): Promise<string[]> {
  return (await listMemory(db)).map((p) => p.url);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  fakeBrowser.reset();
  db = freshDatabase();
  reads = [];
  // WXT's fake browser reports the window focused before the current one as "last focused",
  // so a second window is focused after the one the tabs live in.
  const window = await fakeBrowser.windows.create({ focused: true });
  await fakeBrowser.windows.create({ focused: true });
  await fakeBrowser.tabs.create({ windowId: window?.id, url: 'https://news.example/a', active: true });
  await saveSettings(db, { rememberRead: true });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('watchReading', () => {
  test('a page in front for the dwell time is remembered as read, not before', async () => {
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS - 1000);
    expect(await urls()).toEqual([]);
    expect(reads).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(await urls()).toEqual(['https://news.example/a']);
    expect((await listMemory(db))[0]?.reason).toBe('read');
  });

  test('the page just read is not read again while it stays in front', async () => {
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS + 1000);
    await settle();
    expect(reads).toHaveLength(1);
    const [front] = await fakeBrowser.tabs.query({ active: true });
    // A later event for the same page (it finished loading again, a background tab moved) is no new visit.
    await fakeBrowser.tabs.onUpdated.trigger(front!.id!, { status: 'complete' }, front!);
    await vi.advanceTimersByTimeAsync(DWELL_MS * 2);
    expect(reads).toHaveLength(1);
  });

  test('switching tabs before the dwell restarts the clock for the new page only', async () => {
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS / 2);
    const [front] = await fakeBrowser.tabs.query({ active: true });
    await fakeBrowser.tabs.create({ windowId: front!.windowId, url: 'https://news.example/b', active: true });
    await settle();
    await vi.advanceTimersByTimeAsync(DWELL_MS / 2 + 1000);
    expect(await urls()).toEqual([]);
    await vi.advanceTimersByTimeAsync(DWELL_MS);
    await settle();
    expect(await urls()).toEqual(['https://news.example/b']);
  });

  test('leaving the browser stops the clock', async () => {
    await start();
    await fakeBrowser.windows.onFocusChanged.trigger(fakeBrowser.windows.WINDOW_ID_NONE);
    await vi.advanceTimersByTimeAsync(DWELL_MS * 2);
    expect(await urls()).toEqual([]);
    expect(reads).toEqual([]);
  });

  test('off by default, and never on a denied site, off the allow list, or with a password field', async () => {
    await saveSettings(db, { rememberRead: false });
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS * 2);
    stop();
    await saveSettings(db, { rememberRead: true, deniedSites: ['news.example'] });
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS * 2);
    stop();
    await saveSettings(db, { deniedSites: [], readSites: 'allowed', allowedSites: ['wiki.example'] });
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS * 2);
    expect(reads).toEqual([]);
    stop();
    await saveSettings(db, { readSites: 'all' });
    const [front] = await fakeBrowser.tabs.query({ active: true });
    await fakeBrowser.tabs.update(front!.id!, { url: 'https://news.example/login' });
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS * 2);
    await settle();
    // Read (the field is only known from the page), then refused by the rules.
    expect(reads).toHaveLength(1);
    expect(await urls()).toEqual([]);
  });

  test('the allow list lets its sites in', async () => {
    await saveSettings(db, { readSites: 'allowed', allowedSites: ['example'] });
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS * 2);
    expect(await urls()).toEqual([]);
    stop();
    await saveSettings(db, { allowedSites: ['news.example'] });
    await start();
    await vi.advanceTimersByTimeAsync(DWELL_MS + 1000);
    await settle();
    expect(await urls()).toEqual(['https://news.example/a']);
  });
});
