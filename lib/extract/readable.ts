import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { collectBlocks } from './blocks';
import { blocksLength } from './clean-text';

/** What Readability found: the article's blocks and metadata ('' when unknown). */
export interface Article {
  title: string;
  byline: string;
  lang: string;
  blocks: string[];
}

/** Fewer characters than this and Readability's pick is more likely a fragment than the article. */
const MIN_ARTICLE_CHARS = 200;

/**
 * Runs Readability on `copy` (which it mutates: pass a throwaway copy, never the live page).
 * Returns null when the page does not look like an article, or when Readability's result is too
 * short, or smaller than a quarter of the page's visible text (it picked a fragment, e.g. one card
 * of a listing).
 */
export function readArticle(copy: Document, visibleChars: number): Article | null {
  // The copy holds only visible nodes, without style attributes, so Readability's own visibility
  // checks (inline style, hidden, aria-hidden) have nothing left to find.
  if (!isProbablyReaderable(copy)) return null;
  const parsed = new Readability<Node>(copy, { serializer: (node) => node }).parse();
  if (!parsed?.content) return null;
  const blocks = collectBlocks(parsed.content, { skipChrome: false });
  const chars = blocksLength(blocks);
  if (chars < MIN_ARTICLE_CHARS || chars < visibleChars / 4) return null;
  return {
    title: (parsed.title ?? '').trim(),
    byline: (parsed.byline ?? '').trim(),
    lang: (parsed.lang ?? '').trim(),
    blocks,
  };
}
