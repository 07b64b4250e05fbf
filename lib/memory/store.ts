/**
 * Page memory in IndexedDB: a page record per URL and its text in searchable parts. Every
 * write goes through {@link rememberPage}, which applies the never-remember rules and then
 * the retention period and size cap, so no caller can store around them.
 */
import { terms, threadUrl } from '@/lib/chat';
import { announceChange, loadSettings, onSites, siteOf } from '@/lib/settings';
import type { EdgewiseDatabase, MemoryPageRecord, MemoryPartRecord, MemoryReason } from '@/lib/store';
import { chunkText } from '@/lib/summarize';
import { countWords } from '@/lib/extract';
import { enforceLimits } from './limits';
import { whyNotRemember, type MemoryCandidate, type NotRemembered } from './rules';

/** A page to remember: what the extractor read, and the tab it came from. */
export interface PageToRemember extends MemoryCandidate {
  title: string;
  lang: string;
}

/** About 600 characters (100 words) a part: a passage, the unit an answer cites (Chrome's history embeddings also keep passages of about that size). */
const PART_TOKENS = 150;
/** Parts are cut by an estimate, not a model's tokenizer: memory must not depend on which model is loaded. */
const estimateTokens = (texts: string[]) => Promise.resolve(texts.map((text) => Math.ceil(text.length / 4)));

/**
 * Remembers `page` (or refreshes it: one record per URL, its parts replaced) unless a
 * rule says not to; returns the stored record, or why it was not stored.
 */
export async function rememberPage(
  db: EdgewiseDatabase,
  page: PageToRemember,
  reason: MemoryReason,
  now = Date.now(),
): Promise<MemoryPageRecord | { skipped: NotRemembered }> {
  const settings = await loadSettings(db);
  const skipped = whyNotRemember(page, reason, settings, now);
  if (skipped) return { skipped };
  const prepared = await preparePage(page);
  const record = await db.transaction('rw', db.memoryPages, db.memoryParts, () => putPage(db, prepared, reason, now));
  await enforceLimits(db, settings, now);
  announceChange('memory');
  return record;
}

/** A page cut into parts with their terms, ready to store (no database work yet). */
export interface PreparedPage {
  url: string;
  title: string;
  lang: string;
  words: number;
  parts: Omit<MemoryPartRecord, 'pageId'>[];
  /** What the page will take: its text, title and address, and its parts' terms (UTF-16). */
  bytes: number;
}

/** Cuts a page into parts and finds their terms; done before a transaction, which must not wait on other work. */
export async function preparePage(
  page: Pick<PageToRemember, 'url' | 'title' | 'lang' | 'text'>,
): Promise<PreparedPage> {
  const url = threadUrl(page.url);
  const chunks = await chunkText(page.text, PART_TOKENS, estimateTokens);
  const parts = chunks.map((chunk, index) => ({ index, text: chunk.text, terms: [...new Set(terms(chunk.text))] }));
  // The terms are stored (and indexed) too, so they count against the cap like the text.
  const partChars = parts.reduce((sum, p) => sum + p.text.length + p.terms.join(' ').length, 0);
  const bytes = 2 * (url.length + page.title.length + partChars);
  return { url, title: page.title, lang: page.lang, words: countWords(page.text), parts, bytes };
}

/**
 * Stores a prepared page as it is, without the rules: for {@link rememberPage} and for
 * import (whose pages were remembered under the rules before they were exported). Must run
 * inside a read-write transaction on `memoryPages` and `memoryParts`.
 */
export async function putPage(
  db: EdgewiseDatabase,
  page: PreparedPage,
  reason: MemoryReason,
  visitedAt: number,
): Promise<MemoryPageRecord> {
  const before = await db.memoryPages.where('url').equals(page.url).first();
  const next: MemoryPageRecord = {
    ...(before?.id === undefined ? {} : { id: before.id }),
    url: page.url,
    site: siteOf(page.url) ?? '',
    title: page.title,
    lang: page.lang,
    // A page once used stays "used" when it is later only read.
    reason: before?.reason === 'used' ? 'used' : reason,
    visitedAt,
    words: page.words,
    parts: page.parts.length,
    bytes: page.bytes,
  };
  const pageId = await db.memoryPages.put(next);
  // Auto-increment keys are always set on a put; Dexie's type just cannot say so.
  if (pageId === undefined) throw new Error('IndexedDB gave the remembered page no key.');
  await db.memoryParts.where('pageId').equals(pageId).delete();
  await db.memoryParts.bulkPut(page.parts.map((part) => ({ ...part, pageId })));
  return { ...next, id: pageId };
}

/** Remembered pages, most recently visited first. */
export function listMemory(db: EdgewiseDatabase, limit = 500): Promise<MemoryPageRecord[]> {
  return db.memoryPages.orderBy('visitedAt').reverse().limit(limit).toArray();
}

/** A remembered page's text, its parts joined again. */
export async function memoryText(db: EdgewiseDatabase, pageId: number): Promise<string> {
  const parts = await db.memoryParts.where('pageId').equals(pageId).sortBy('index');
  return parts.map((part) => part.text).join('');
}

/** Deletes the pages matching `which` and their parts; returns how many pages went. */
export async function forgetPages(db: EdgewiseDatabase, which: (page: MemoryPageRecord) => boolean): Promise<number> {
  const forgotten = await db.transaction('rw', db.memoryPages, db.memoryParts, async () => {
    const ids = (await db.memoryPages.toArray()).filter(which).map((page) => page.id!);
    await db.memoryParts.where('pageId').anyOf(ids).delete();
    await db.memoryPages.bulkDelete(ids);
    return ids.length;
  });
  announceChange('memory');
  return forgotten;
}

/** Forgets one page. */
export function forgetPage(db: EdgewiseDatabase, pageId: number): Promise<number> {
  return forgetPages(db, (page) => page.id === pageId);
}

/** Forgets a site and its subdomains. */
export function forgetSite(db: EdgewiseDatabase, site: string): Promise<number> {
  return forgetPages(db, (page) => onSites(page.url, [site]));
}

/** Forgets pages visited at `since` or later ("the last hour"); 0 forgets every page. */
export function forgetSince(db: EdgewiseDatabase, since: number): Promise<number> {
  return forgetPages(db, (page) => page.visitedAt >= since);
}
