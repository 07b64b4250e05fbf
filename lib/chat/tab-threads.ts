/**
 * Which chat thread belongs to which tab. One thread per tab + URL: switching tabs shows
 * that tab's thread, and navigating the tab starts a new one (the old stays in history).
 *
 * Why `storage.session`: it outlives the side panel (closed and reopened) and the service
 * worker, but not the browser. Tab ids are reused after a restart, so a binding kept in
 * IndexedDB could attach an old thread to an unrelated page.
 */
import type { SessionStorage } from '@/lib/messaging';

export const TAB_THREADS_KEY = 'edgewise:tab-threads';

export interface TabThread {
  url: string;
  threadId: string;
}

type Bindings = Record<string, TabThread>;

/** The URL a thread is about: the fragment is dropped (it does not change the page). */
export function threadUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

async function read(storage: SessionStorage): Promise<Bindings> {
  const value = (await storage.get(TAB_THREADS_KEY))[TAB_THREADS_KEY];
  return typeof value === 'object' && value !== null ? (value as Bindings) : {};
}

/** The thread bound to this tab, if it is still about `url`. */
export async function boundThread(storage: SessionStorage, tabId: number, url: string): Promise<string | null> {
  const binding = (await read(storage))[String(tabId)];
  return binding && binding.url === threadUrl(url) ? binding.threadId : null;
}

/** Binds a thread to a tab (when its first question is sent). */
export async function bindThread(storage: SessionStorage, tabId: number, url: string, threadId: string) {
  const bindings = await read(storage);
  bindings[String(tabId)] = { url: threadUrl(url), threadId };
  await storage.set({ [TAB_THREADS_KEY]: bindings });
}

/** Forgets a closed tab's binding; its thread stays in history. */
export async function unbindTab(storage: SessionStorage, tabId: number): Promise<void> {
  const bindings = await read(storage);
  if (!(String(tabId) in bindings)) return;
  const rest = Object.fromEntries(Object.entries(bindings).filter(([id]) => id !== String(tabId)));
  await storage.set({ [TAB_THREADS_KEY]: rest });
}
