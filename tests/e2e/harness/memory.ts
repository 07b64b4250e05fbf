/** Page memory as IndexedDB holds it, read directly (issue 12 asks for assertions on the store, not the UI alone). */
import type { Page } from 'playwright-core';
import { readStore } from './inspect';

/** A remembered page as stored. */
export interface StoredMemoryPage {
  id: number;
  url: string;
  site: string;
  title: string;
  reason: 'used' | 'read';
  visitedAt: number;
  parts: number;
}

export function storedMemory(extensionPage: Page): Promise<StoredMemoryPage[]> {
  return readStore<StoredMemoryPage>(extensionPage, 'memoryPages');
}

/** The addresses of the remembered pages. */
export async function rememberedUrls(extensionPage: Page): Promise<string[]> {
  return (await storedMemory(extensionPage)).map((page) => page.url);
}

/** Bytes the extension's origin uses, as the browser estimates them. */
export function storageUsage(extensionPage: Page): Promise<number> {
  return extensionPage.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}
