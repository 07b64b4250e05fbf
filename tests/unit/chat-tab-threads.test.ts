/** Which chat thread belongs to which tab (lib/chat/tab-threads.ts), over WXT's fake storage.session. */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { TAB_THREADS_KEY, bindThread, boundThread, threadUrl, unbindTab } from '@/lib/chat';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const PAGE = 'https://example.com/article?id=7';
/** WXT's in-memory `storage.session` (values are copied in and out, as Chrome does). */
const storage = fakeBrowser.storage.session;
const stored = async () => (await storage.get(TAB_THREADS_KEY))[TAB_THREADS_KEY];
beforeEach(() => {
  fakeBrowser.reset();
});

describe('bindThread / boundThread', () => {
  test('nothing is bound at first', async () => {
    expect(await boundThread(storage, 1, PAGE)).toBeNull();
  });

  test('a bound thread is found again for the same URL, whatever the fragment', async () => {
    await bindThread(storage, 1, `${PAGE}#intro`, 'thread-a');
    expect(await boundThread(storage, 1, PAGE)).toBe('thread-a');
    expect(await boundThread(storage, 1, `${PAGE}#intro`)).toBe('thread-a');
    expect(await boundThread(storage, 1, `${PAGE}#section-2`)).toBe('thread-a');
    expect(await stored()).toEqual({ '1': { url: PAGE, threadId: 'thread-a' } });
  });

  test('after the tab navigates to another URL there is no thread', async () => {
    await bindThread(storage, 1, PAGE, 'thread-a');
    expect(await boundThread(storage, 1, 'https://example.com/other')).toBeNull();
    expect(await boundThread(storage, 1, 'https://example.com/article?id=8')).toBeNull();
  });

  test('two tabs keep their own threads', async () => {
    await bindThread(storage, 1, PAGE, 'thread-a');
    await bindThread(storage, 2, PAGE, 'thread-b');
    await bindThread(storage, 3, 'https://example.org/', 'thread-c');
    expect(await boundThread(storage, 1, PAGE)).toBe('thread-a');
    expect(await boundThread(storage, 2, PAGE)).toBe('thread-b');
    expect(await boundThread(storage, 3, 'https://example.org/')).toBe('thread-c');
    expect(await boundThread(storage, 3, PAGE)).toBeNull();
  });

  test('binding again replaces the tab’s thread (a new thread after navigating)', async () => {
    await bindThread(storage, 1, PAGE, 'thread-a');
    await bindThread(storage, 1, 'https://example.com/next', 'thread-b');
    expect(await boundThread(storage, 1, 'https://example.com/next')).toBe('thread-b');
    expect(await boundThread(storage, 1, PAGE)).toBeNull();
  });

  test('a damaged stored value is treated as no bindings, and binding repairs it', async () => {
    await storage.set({ [TAB_THREADS_KEY]: 'garbage' });
    expect(await boundThread(storage, 1, PAGE)).toBeNull();
    await bindThread(storage, 1, PAGE, 'thread-a');
    expect(await boundThread(storage, 1, PAGE)).toBe('thread-a');
  });
});

describe('unbindTab', () => {
  test('removes only that tab', async () => {
    await bindThread(storage, 1, PAGE, 'thread-a');
    await bindThread(storage, 2, PAGE, 'thread-b');
    await unbindTab(storage, 1);
    expect(await boundThread(storage, 1, PAGE)).toBeNull();
    expect(await boundThread(storage, 2, PAGE)).toBe('thread-b');
    expect(await stored()).toEqual({ '2': { url: PAGE, threadId: 'thread-b' } });
  });

  test('an unknown tab changes nothing and writes nothing', async () => {
    await bindThread(storage, 1, PAGE, 'thread-a');
    const set = vi.spyOn(storage, 'set');
    await unbindTab(storage, 99);
    expect(set).not.toHaveBeenCalled();
    expect(await boundThread(storage, 1, PAGE)).toBe('thread-a');
  });
});

describe('threadUrl', () => {
  test.each([
    ['https://example.com/a?b=1#frag', 'https://example.com/a?b=1'],
    ['https://example.com/a#', 'https://example.com/a'],
    ['https://example.com/a', 'https://example.com/a'],
    ['https://EXAMPLE.com', 'https://example.com/'],
  ])('%s → %s', (input, expected) => {
    expect(threadUrl(input)).toBe(expected);
  });

  test.each(['not a url', '', '/relative/path#x'])('an invalid URL %j is left unchanged', (input) => {
    expect(threadUrl(input)).toBe(input);
  });
});
