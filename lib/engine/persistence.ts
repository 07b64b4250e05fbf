/**
 * Asks the browser not to evict our IndexedDB under storage pressure: model files are
 * hundreds of megabytes and slow to fetch again. With the `unlimitedStorage`
 * permission Chrome grants it without a prompt.
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}
