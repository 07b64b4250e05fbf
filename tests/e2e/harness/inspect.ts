/** Looks inside the running extension: its contexts and its IndexedDB. */
import type { Page, Worker } from 'playwright-core';

/** How many offscreen documents exist, asked of the service worker. */
export async function offscreenDocumentCount(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } })
      .chrome.runtime;
    return (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length;
  });
}

export interface StoredFile {
  key: string;
  modelId: string;
  file: string;
  size: number;
  /** Bytes actually present in the chunk rows. */
  storedBytes: number;
}

/**
 * Every row of one object store of the extension's IndexedDB, read with the raw API from
 * an extension page. ArrayBuffer fields come back as their byte length, not their bytes.
 */
export async function readStore<T>(extensionPage: Page, store: string): Promise<T[]> {
  return extensionPage.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('edgewise');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains(name)) return [];
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof ArrayBuffer ? v.byteLength : v])),
      );
    } finally {
      db.close();
    }
  }, store) as Promise<T[]>;
}

/** Model files in the extension's IndexedDB, with the bytes their chunks really hold. */
export async function storedModelFiles(extensionPage: Page): Promise<StoredFile[]> {
  const files = await readStore<Omit<StoredFile, 'storedBytes'>>(extensionPage, 'modelFiles');
  const chunks = await readStore<{ key: string; bytes: number }>(extensionPage, 'modelChunks');
  return files.map(({ key, modelId, file, size }) => ({
    key,
    modelId,
    file,
    size,
    storedBytes: chunks.filter((c) => c.key === key).reduce((sum, c) => sum + c.bytes, 0),
  }));
}

/** Stops the extension's service worker the way Chrome does when it is idle. */
export async function stopServiceWorkers(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** A summary row as saved in IndexedDB. */
export interface StoredSummary {
  url: string;
  mode: string;
  text: string;
  parts: string[];
  coverage: string;
  createdAt: number;
}

/** Summaries saved by the side panel. */
export function storedSummaries(extensionPage: Page): Promise<StoredSummary[]> {
  return readStore<StoredSummary>(extensionPage, 'summaries');
}

/** Every row of every object store of the extension's IndexedDB, by store name (bytes as lengths). */
export async function databaseSnapshot(extensionPage: Page): Promise<Record<string, unknown[]>> {
  const names = await extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('edgewise');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const list = [...db.objectStoreNames];
    db.close();
    return list;
  });
  const snapshot: Record<string, unknown[]> = {};
  for (const name of names) snapshot[name] = await readStore(extensionPage, name);
  return snapshot;
}

/** Everything in `chrome.storage` local, session and sync (what a content script could read), as JSON. */
export async function storageAreasJson(sw: Worker): Promise<string> {
  return sw.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    const { storage } = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'sync', Area> } })
      .chrome;
    return JSON.stringify(
      await Promise.all([storage.local.get(null), storage.session.get(null), storage.sync.get(null)]),
    );
  });
}
