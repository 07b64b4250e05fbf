/** Which chat thread belongs to which tab (lib/chat/tab-threads.ts), over an in-memory storage.session. */
import { beforeEach, describe, expect, test } from 'vitest';
import { TAB_THREADS_KEY, bindThread, boundThread, threadUrl, unbindTab } from '@/lib/chat';
import type { SessionStorageArea } from '@/lib/messaging';

/** Like `chrome.storage.session`: values are copied in and out (structured clone). */
class MemorySession implements SessionStorageArea {
  readonly data = new Map<string, unknown>();
  writes = 0;

  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async remove(key: string): Promise<void> {
    this.data.delete(key);
  }
}

const PAGE = 'https://example.com/article?id=7';
let storage: MemorySession;
beforeEach(() => {
  storage = new MemorySession();
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
    expect(storage.data.get(TAB_THREADS_KEY)).toEqual({ '1': { url: PAGE, threadId: 'thread-a' } });
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
    storage.data.set(TAB_THREADS_KEY, 'garbage');
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
    expect(storage.data.get(TAB_THREADS_KEY)).toEqual({ '2': { url: PAGE, threadId: 'thread-b' } });
  });

  test('an unknown tab changes nothing and writes nothing', async () => {
    await bindThread(storage, 1, PAGE, 'thread-a');
    const writes = storage.writes;
    await unbindTab(storage, 99);
    expect(storage.writes).toBe(writes);
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
