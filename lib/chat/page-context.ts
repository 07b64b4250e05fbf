/**
 * Which parts of a page go into a chat prompt.
 *
 * A page that fits the budget is sent whole. A longer one is cut into parts and the parts
 * that best match the question (BM25) are sent, in document order, with markers saying
 * where each came from; the counts returned are what the UI shows as coverage, so a
 * partial answer is never presented as covering the whole page.
 */
import { countWords } from '@/lib/extract';
import { chunkText, type CountTokens, type TextChunk } from '@/lib/summarize';
import { rankWeighted, terms } from './retrieval';

/** What to pick page parts for: the page, the question, and the room in the prompt. */
export interface ContextQuery {
  /** The page's clean text (paragraphs separated by "\n\n"). */
  text: string;
  /** The user's current question. */
  question: string;
  /** Earlier user messages of the thread, newest last; their terms count at half weight so follow-ups ("and the second one?") still find the topic. */
  earlierQuestions?: readonly string[];
  /** Most tokens the page text may take in the prompt, markers included. */
  budgetTokens: number;
  countTokens: CountTokens;
}

/** One part of the page, as chunked for retrieval. */
export interface ContextPart {
  /** 0-based position among all parts of the page. */
  index: number;
  text: string;
  /** Offsets into the page text. */
  start: number;
  end: number;
  tokens: number;
  words: number;
  /** Retrieval score; 0 in 'whole' and 'leading' mode unless the part matched. */
  score: number;
}

/** The page parts picked for a prompt, and how much of the page they cover. */
export interface ContextSelection {
  /** whole: the page fits, all of it is sent. relevant: best-matching parts. leading: nothing matched (or no matching part fit), so the beginning of the page was used. */
  mode: 'whole' | 'relevant' | 'leading';
  /** In document order. */
  parts: ContextPart[];
  totalParts: number;
  /** Words in `parts`. */
  words: number;
  /** Words in the whole text. */
  totalWords: number;
  /** Tokens in `parts` (their text, without markers). */
  tokens: number;
}

/** Least budget kept per part for its marker line and the blank line before it. */
const SEPARATOR_TOKENS = 2;
/** Earlier questions keep the topic alive in follow-ups without outweighing what is asked now. */
const EARLIER_WEIGHT = 0.5;

/**
 * Chunk size used for retrieval: clamp(floor(budget / 4), 32, 384). Small enough that
 * several parts fit, so an answer can draw on more than one place in the page; large
 * enough that a part carries its own context. (selectPageContext also keeps it at most
 * budget − 2, so that on a tiny budget one part can still fit.)
 */
export function partSize(budgetTokens: number): number {
  return Math.min(384, Math.max(32, Math.floor(budgetTokens / 4)));
}

/**
 * Picks the page text for a prompt within `budgetTokens`: the whole page if it fits,
 * else the parts that best match the question (and, at half weight, earlier questions),
 * else — when nothing matches — the beginning of the page. The budget includes the
 * markers {@link formatContextParts} adds. Throws a RangeError when `budgetTokens` < 1.
 */
export async function selectPageContext(input: ContextQuery): Promise<ContextSelection> {
  const { text, question, earlierQuestions = [], budgetTokens, countTokens } = input;
  if (!Number.isFinite(budgetTokens) || budgetTokens < 1)
    throw new RangeError(`No room for page text in the prompt: budget is ${budgetTokens} tokens.`);
  if (!text.trim()) return { mode: 'whole', parts: [], totalParts: 0, words: 0, totalWords: 0, tokens: 0 };

  const totalWords = countWords(text);
  const [wholeTokens = Infinity] = await countTokens([text]);
  const size = Math.max(1, Math.min(partSize(budgetTokens), budgetTokens - SEPARATOR_TOKENS));
  // Chunked even when the page fits, so the UI can list parts the same way in every mode.
  const chunks = await chunkText(text, size, countTokens);
  const totalParts = chunks.length;
  if (wholeTokens <= budgetTokens) {
    const parts = chunks.map((chunk, index) => toPart(chunk, index, 0));
    return { mode: 'whole', parts, totalParts, words: totalWords, totalWords, tokens: wholeTokens };
  }

  const ranked = rankWeighted(
    chunks.map((chunk) => chunk.text),
    queryWeights(question, earlierQuestions),
  );
  const scores = new Map(ranked.map(({ index, score }) => [index, score]));
  // Measured rather than assumed: "[part 12 of 40]" is several tokens in most tokenizers.
  const [markerTokens = 0] = await countTokens([`\n\n${marker(totalParts, totalParts)}\n`]);
  const perPart = Math.max(SEPARATOR_TOKENS, markerTokens);

  const picked: number[] = [];
  let used = 0;
  const take = (index: number): boolean => {
    const cost = chunks[index]!.tokens + perPart;
    if (used + cost > budgetTokens) return false;
    used += cost;
    picked.push(index);
    return true;
  };
  // Best first; a part that does not fit is skipped so a smaller, lower-ranked one can use the room.
  for (const { index, score } of ranked) if (score > 0) take(index);
  let mode: ContextSelection['mode'] = 'relevant';
  if (picked.length === 0) {
    mode = 'leading';
    // The beginning of a page is contiguous: stop at the first part that does not fit.
    for (const index of chunks.keys()) if (!take(index)) break;
  }

  const parts = picked.sort((x, y) => x - y).map((index) => toPart(chunks[index]!, index, scores.get(index) ?? 0));
  return {
    mode,
    parts,
    totalParts,
    words: parts.reduce((sum, part) => sum + part.words, 0),
    totalWords,
    tokens: parts.reduce((sum, part) => sum + part.tokens, 0),
  };
}

/**
 * The selected parts as prompt text. When every part is present (the whole page) it is
 * the page text itself, without markers; otherwise each part is preceded by a line like
 * `[part 3 of 12]`, so the model (and a reader of the prompt) can tell the text has gaps,
 * and parts are separated by a blank line.
 */
export function formatContextParts(parts: readonly ContextPart[], totalParts: number): string {
  if (parts.length === totalParts)
    return parts
      .map((part) => part.text)
      .join('')
      .trim();
  return parts.map((part) => `${marker(part.index + 1, totalParts)}\n${part.text.trim()}`).join('\n\n');
}

function marker(number: number, totalParts: number): string {
  return `[part ${number} of ${totalParts}]`;
}

/** The current question's terms at weight 1, earlier questions' at half; a term in both keeps 1. */
function queryWeights(question: string, earlierQuestions: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const earlier of earlierQuestions) for (const term of terms(earlier)) weights.set(term, EARLIER_WEIGHT);
  for (const term of terms(question)) weights.set(term, 1);
  return weights;
}

function toPart(chunk: TextChunk, index: number, score: number): ContextPart {
  const { text, start, end, tokens, words } = chunk;
  return { index, text, start, end, tokens, words, score };
}
