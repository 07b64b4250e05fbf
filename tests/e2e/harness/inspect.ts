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

/** Model files in the extension's IndexedDB, read with the raw API from an extension page. */
export async function storedModelFiles(extensionPage: Page): Promise<StoredFile[]> {
  return extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('edgewise');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    if (!db.objectStoreNames.contains('modelFiles')) return [];
    const files = await all<{ key: string; modelId: string; file: string; size: number }>('modelFiles');
    const chunks = await all<{ key: string; bytes: ArrayBuffer }>('modelChunks');
    db.close();
    return files.map((f) => ({
      key: f.key,
      modelId: f.modelId,
      file: f.file,
      size: f.size,
      storedBytes: chunks.filter((c) => c.key === f.key).reduce((sum, c) => sum + c.bytes.byteLength, 0),
    }));
  });
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

/** Summaries saved by the side panel, read with the raw IndexedDB API from an extension page. */
export async function storedSummaries(extensionPage: Page): Promise<StoredSummary[]> {
  return extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('edgewise');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('summaries')) return [];
    const rows = await new Promise<StoredSummary[]>((resolve, reject) => {
      const request = db.transaction('summaries').objectStore('summaries').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  });
}
