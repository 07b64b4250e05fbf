/** Typed access to stored chat threads (the user's private chat history). */
import type { ChatThreadRecord, EdgewiseDatabase } from './schema';

/** Stores a whole thread, replacing any earlier version with the same id. */
export async function saveThread(db: EdgewiseDatabase, thread: ChatThreadRecord): Promise<void> {
  await db.chatThreads.put(thread);
}

/** One thread by id, or `undefined` when there is none. */
export function getThread(db: EdgewiseDatabase, id: string): Promise<ChatThreadRecord | undefined> {
  return db.chatThreads.get(id);
}

/** History, most recently updated first. */
export function listThreads(db: EdgewiseDatabase, limit = 500): Promise<ChatThreadRecord[]> {
  return db.chatThreads.orderBy('updatedAt').reverse().limit(limit).toArray();
}

/** Every thread, newest first (for export: no limit). */
export function allThreads(db: EdgewiseDatabase): Promise<ChatThreadRecord[]> {
  return db.chatThreads.orderBy('updatedAt').reverse().toArray();
}

/**
 * Lower-cased, with accents removed, so "Cafe" finds "Café". Lower-casing comes first
 * because some capitals (e.g. "İ") only decompose into letter + mark once lower-cased.
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * Threads whose title, URL or any message contains every word of `query` (in any
 * order, anywhere in the thread), most recently updated first. An empty query lists all.
 */
export function searchThreads(db: EdgewiseDatabase, query: string, limit = 200): Promise<ChatThreadRecord[]> {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return listThreads(db, limit);
  // A full scan: history is small (hundreds of threads), and IndexedDB has no substring index.
  // The newline separator is whitespace, so no query word can match across two fields.
  return db.chatThreads
    .orderBy('updatedAt')
    .reverse()
    .filter((thread) => {
      const haystack = foldForSearch([thread.title, thread.url, ...thread.messages.map((m) => m.text)].join('\n'));
      return words.every((word) => haystack.includes(word));
    })
    .limit(limit)
    .toArray();
}

export async function deleteThread(db: EdgewiseDatabase, id: string): Promise<void> {
  await db.chatThreads.delete(id);
}

export async function clearThreads(db: EdgewiseDatabase): Promise<void> {
  await db.chatThreads.clear();
}
