/**
 * Local search over page memory: the chat retrieval's BM25, over the remembered parts that
 * share a term with the question (found through the multi-entry `terms` index, so a search
 * reads a few parts, not the whole memory), with IDF from every remembered part.
 */
import { rankWeighted, terms, threadUrl } from '@/lib/chat';
import type { EdgewiseDatabase } from '@/lib/store';

/** A remembered page and the parts of it that matched, best first. */
export interface RecalledPage {
  pageId: number;
  url: string;
  title: string;
  visitedAt: number;
  parts: { index: number; text: string; score: number }[];
}

export interface MemorySearch {
  /** A page left out (the one being chatted about: its text is already in the prompt). */
  excludeUrl?: string;
  /** Most parts returned, over all pages. */
  maxParts?: number;
}

/** Candidate parts read per query term at most; the rarest terms are read first. */
const PER_TERM = 400;

/** The remembered pages whose parts best match `query`, best first; none when nothing matches. */
export async function searchMemory(
  db: EdgewiseDatabase,
  query: string,
  { excludeUrl, maxParts = 6 }: MemorySearch = {},
): Promise<RecalledPage[]> {
  const queryTerms = [...new Set(terms(query))];
  if (queryTerms.length === 0) return [];
  // One read transaction: counts, candidates and pages all see the same memory.
  return db.transaction('r', db.memoryPages, db.memoryParts, async () => {
    const size = await db.memoryParts.count();
    if (size === 0) return [];
    const excluded = excludeUrl
      ? (await db.memoryPages.where('url').equals(threadUrl(excludeUrl)).first())?.id
      : undefined;
    const documentFrequency = new Map<string, number>();
    for (const term of queryTerms)
      documentFrequency.set(term, await db.memoryParts.where('terms').equals(term).count());
    const rarestFirst = queryTerms
      .filter((t) => documentFrequency.get(t)! > 0)
      .sort((x, y) => documentFrequency.get(x)! - documentFrequency.get(y)!);
    const candidates = new Map<string, { pageId: number; index: number; text: string }>();
    for (const term of rarestFirst) {
      // Newest pages first (higher ids): for a common word, recent pages are the likelier answer.
      for (const part of await db.memoryParts.where('terms').equals(term).reverse().limit(PER_TERM).toArray()) {
        if (part.pageId !== excluded) candidates.set(`${part.pageId} ${part.index}`, part);
      }
    }
    const list = [...candidates.values()];
    const ranked = rankWeighted(
      list.map((part) => part.text),
      new Map(queryTerms.map((term) => [term, 1])),
      { corpus: { size, documentFrequency } },
    ).filter((hit) => hit.score > 0);

    const pages = new Map<number, RecalledPage>();
    for (const hit of ranked.slice(0, maxParts)) {
      const part = list[hit.index]!;
      let page = pages.get(part.pageId);
      if (!page) {
        const record = await db.memoryPages.get(part.pageId);
        if (!record) continue;
        page = { pageId: part.pageId, url: record.url, title: record.title, visitedAt: record.visitedAt, parts: [] };
        pages.set(part.pageId, page);
      }
      page.parts.push({ index: part.index, text: part.text, score: hit.score });
    }
    return [...pages.values()];
  });
}
