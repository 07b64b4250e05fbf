import { describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractedPage } from '@/lib/extract';
import {
  PageNotReadableError,
  explainInjectionError,
  extractFromTab,
  unsupportedPageReason,
  type TabApis,
} from '@/lib/tabs';

const page: ExtractedPage = {
  title: 'T',
  url: 'https://example.com/',
  byline: '',
  lang: 'en',
  text: 'Hello there.',
  wordCount: 2,
  source: 'article',
  capped: null,
  secretFields: false,
  ms: 1,
};

/**
 * WXT's fake browser with a tab at `url`, whose extractor answers `reply` (or whose
 * injection fails with `fail`); `calls` records each injection.
 */
function apis(url: string | undefined, reply: unknown, fail?: string): TabApis & { calls: unknown[] } {
  fakeBrowser.reset();
  const calls: unknown[] = [];
  // Both are called through their promise overloads; the lint rule sees the callback overloads' void.
  /* eslint-disable @typescript-eslint/no-misused-promises */
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id) => ({ ...tab, id, url }));
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
    calls.push(injection);
    if (fail) throw new Error(fail);
    return [{ documentId: 'd', frameId: 0, result: 'files' in injection ? undefined : reply }];
  });
  /* eslint-enable @typescript-eslint/no-misused-promises */
  return Object.assign(fakeBrowser, { calls });
}

/** A tab as Chrome describes one. */
const tab: Browser.tabs.Tab = {
  index: 0,
  pinned: false,
  highlighted: false,
  windowId: 1,
  active: true,
  incognito: false,
  selected: true,
  discarded: false,
  autoDiscardable: true,
  groupId: -1,
  frozen: false,
  lastAccessed: 0,
};

describe('unsupportedPageReason', () => {
  test.each([
    ['chrome://settings', /chrome:\/\/ pages/],
    ['https://chromewebstore.google.com/detail/x', /Web Store/],
    ['https://chrome.google.com/webstore/detail/x', /Web Store/],
    ['file:///home/me/a.html', /Allow access to file URLs/],
    ['https://example.com/report.pdf', /PDF viewer/],
    [undefined, /no page/],
  ])('%s', (url, reason) => {
    expect(unsupportedPageReason(url)).toMatch(reason);
  });

  test('ordinary web pages are fine', () => {
    expect(unsupportedPageReason('https://example.com/article')).toBeNull();
  });
});

describe('extractFromTab', () => {
  test('injects the extractor, then calls it, and returns the page', async () => {
    const fake = apis('https://example.com/', { ok: true, page });
    await expect(extractFromTab(fake, 1, 'page')).resolves.toEqual(page);
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[0]).toMatchObject({ target: { tabId: 1 }, files: ['/extract.js'] });
  });

  test('a tab that moved to another origin between the check and the injection is refused', async () => {
    const fake = apis('https://example.com/', { ok: true, page: { ...page, url: 'https://evil.example/landing' } });
    await expect(extractFromTab(fake, 1, 'page')).rejects.toThrow(
      /The tab moved on to https:\/\/evil\.example before it could be read, so nothing was read or summarized/,
    );
  });

  test('a move within the same origin (a single-page app, a fragment) is still read', async () => {
    const fake = apis('https://example.com/', { ok: true, page: { ...page, url: 'https://example.com/next#part' } });
    await expect(extractFromTab(fake, 1, 'page')).resolves.toMatchObject({ url: 'https://example.com/next#part' });
  });

  test('a known off-limits URL is refused before any injection', async () => {
    const fake = apis('chrome://version', { ok: true, page });
    await expect(extractFromTab(fake, 1, 'page')).rejects.toThrow(PageNotReadableError);
    expect(fake.calls).toHaveLength(0);
  });

  test("Chrome's refusals become clear messages", async () => {
    await expect(extractFromTab(apis(undefined, null, 'Cannot access a chrome:// URL'), 1, 'page')).rejects.toThrow(
      'Chrome does not allow extensions to read browser pages such as chrome:// pages.',
    );
    expect(explainInjectionError('The extensions gallery cannot be scripted.')).toMatch(/Web Store/);
    expect(explainInjectionError('No tab with id: 5.')).toBe('The tab was closed.');
  });

  test('the extractor’s own error is passed on', async () => {
    await expect(
      extractFromTab(apis('https://x/', { ok: false, error: 'This page has no readable text.' }), 1, 'page'),
    ).rejects.toThrow('This page has no readable text.');
  });

  test('a reply of the wrong shape (the page can tamper with that world) is refused', async () => {
    await expect(extractFromTab(apis('https://x/', { ok: true, page: { text: 42 } }), 1, 'page')).rejects.toThrow(
      /not page text/,
    );
    await expect(extractFromTab(apis('https://x/', 'hello'), 1, 'page')).rejects.toThrow(/not page text/);
  });
});
