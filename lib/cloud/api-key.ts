/**
 * The cloud provider's API key: in the extension's IndexedDB, which content scripts cannot
 * open (they can read `chrome.storage.local`), apart from the settings record so no
 * settings form, export or log ever carries it. It is bound to the origin it was given for.
 */
import type { EdgewiseDatabase } from '@/lib/store';

/** What the panel may know about the saved key: where it is for, never the key. */
export interface ApiKeyStatus {
  origin: string;
  savedAt: number;
}

export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

/** Saves `key` for the provider at `baseUrl`. Keys are one token: no spaces, no control characters. */
export async function saveApiKey(db: EdgewiseDatabase, baseUrl: string, key: string, now = Date.now()): Promise<void> {
  const value = key.trim();
  if (!value || value.length > 1000 || /[\s\p{Cc}]/u.test(value)) {
    throw new ApiKeyError('An API key is one word without spaces, at most 1,000 characters.');
  }
  await db.secrets.put({ key: 'cloudApiKey', origin: originOf(baseUrl), value, savedAt: now });
}

/** The key to send to `baseUrl`: only the one given for that origin, else null. */
export async function apiKeyFor(db: EdgewiseDatabase, baseUrl: string): Promise<string | null> {
  const record = await db.secrets.get('cloudApiKey');
  return record && record.origin === originOf(baseUrl) ? record.value : null;
}

export async function apiKeyStatus(db: EdgewiseDatabase): Promise<ApiKeyStatus | null> {
  const record = await db.secrets.get('cloudApiKey');
  return record ? { origin: record.origin, savedAt: record.savedAt } : null;
}

/** "Forget key". */
export async function forgetApiKey(db: EdgewiseDatabase): Promise<void> {
  await db.secrets.delete('cloudApiKey');
}
