/**
 * Summaries of any length of text: one call when it fits the window, otherwise
 * map-reduce — each part summarized, then the summaries combined, level by level until
 * one call can combine them. Every part is read; stopping early is reported exactly.
 */
import { TEMPLATE_TOKENS_PER_MESSAGE, textBudget } from '@/lib/answer';
import type { ChatMessage } from '@/lib/engine';
import { countWords, type ModelPage } from '@/lib/extract';
import { chunkText, type CountTokens, type TextChunk } from './chunk';
import { lastWords, type Coverage } from './coverage';
import { mapMessages, reduceMessages } from './prompts';
import { i18n } from '@/lib/i18n';

/** What a summary prompt says about the page (the text goes in part by part). */
type SummaryPage = Pick<ModelPage, 'title' | 'lang'>;

/** What the pipeline needs from the engine. */
export interface SummaryModel {
  contextWindow: number;
  countTokens: CountTokens;
  /** Streams one answer; `stopped` when the user cancelled it. Rejects if the engine fails. */
  generate(
    messages: ChatMessage[],
    maxNewTokens: number,
    onText: (piece: string) => void,
  ): Promise<{ text: string; stopped: boolean }>;
}

export type SummaryProgress =
  | { phase: 'map'; part: number; parts: number }
  | { phase: 'reduce'; level: number; group: number; groups: number }
  | { phase: 'final'; parts: number };

export interface SummaryListener {
  onProgress(progress: SummaryProgress): void;
  /** Streamed text: `part` for intermediate summaries, `final` for the answer shown to the user. */
  onText(piece: string, target: 'part' | 'final'): void;
}

export interface SummaryOutcome {
  /** The summary; when stopped early, what exists so far. */
  text: string;
  complete: boolean;
  coverage: Coverage;
  /** Summaries of each part (empty when the text fit in one call). */
  partSummaries: string[];
}

/** Thrown when there is nothing to summarize. */
export class EmptyTextError extends Error {
  override name = 'EmptyTextError';
}

/** Template tokens of a summary prompt: its two messages and the header the answer starts with. */
const TEMPLATE_SLACK_TOKENS = 3 * TEMPLATE_TOKENS_PER_MESSAGE;

/** A backstop: each level at least halves the text, so real inputs never get near it. */
const MAX_LEVELS = 8;

export async function summarizeText(
  page: SummaryPage,
  text: string,
  model: SummaryModel,
  listen: SummaryListener,
): Promise<SummaryOutcome> {
  const budget = textBudget(model.contextWindow);
  const overhead = await promptOverhead(model, mapMessages(page, '', 99, 99));
  const chunks = await chunkText(text, budget.promptTokens - overhead, model.countTokens);
  if (chunks.length === 0) throw new EmptyTextError(i18n.t('summarize.noText'));
  const totalWords = countWords(text);
  const coverage = (done: TextChunk[]): Coverage => ({
    words: done.reduce((sum, c) => sum + c.words, 0),
    totalWords,
    parts: done.length,
    totalParts: chunks.length,
    endsAt: lastWords(done.at(-1)?.text ?? ''),
  });

  if (chunks.length === 1) {
    listen.onProgress({ phase: 'final', parts: 1 });
    const answer = await model.generate(mapMessages(page, chunks[0]!.text), budget.answerTokens, (p) =>
      listen.onText(p, 'final'),
    );
    return {
      text: answer.text,
      complete: !answer.stopped,
      coverage: coverage(answer.stopped ? [] : chunks),
      partSummaries: [],
    };
  }

  const summaries: string[] = [];
  for (const [i, chunk] of chunks.entries()) {
    listen.onProgress({ phase: 'map', part: i + 1, parts: chunks.length });
    const answer = await model.generate(mapMessages(page, chunk.text, i + 1, chunks.length), budget.answerTokens, (p) =>
      listen.onText(p, 'part'),
    );
    if (answer.stopped) return partial(summaries, coverage(chunks.slice(0, i)));
    summaries.push(answer.text.trim());
  }
  const final = await reduce(page, summaries, model, listen, 1);
  return { text: final.text, complete: !final.stopped, coverage: coverage(chunks), partSummaries: summaries };
}

/** Combines summaries; recurses while they do not fit one call. */
async function reduce(
  page: SummaryPage,
  summaries: string[],
  model: SummaryModel,
  listen: SummaryListener,
  level: number,
): Promise<{ text: string; stopped: boolean }> {
  const budget = textBudget(model.contextWindow);
  const room = budget.promptTokens - (await promptOverhead(model, reduceMessages(page, [''])));
  // The summaries are chunked like any text, so none is dropped however long they run.
  const groups = await chunkText(summaries.join('\n\n'), room, model.countTokens);
  if (groups.length <= 1 || level >= MAX_LEVELS) {
    listen.onProgress({ phase: 'final', parts: summaries.length });
    return model.generate(
      reduceMessages(
        page,
        groups.map((g) => g.text),
      ),
      budget.answerTokens,
      (p) => listen.onText(p, 'final'),
    );
  }
  // Greedy packing fills groups to at least half the room on average; capping each answer
  // at a quarter of the room therefore at least halves the text at every level.
  const answerTokens = Math.min(budget.answerTokens, Math.floor(room / 4));
  const condensed: string[] = [];
  for (const [i, group] of groups.entries()) {
    listen.onProgress({ phase: 'reduce', level, group: i + 1, groups: groups.length });
    const answer = await model.generate(reduceMessages(page, [group.text]), answerTokens, (p) =>
      listen.onText(p, 'part'),
    );
    if (answer.stopped)
      return { text: [...condensed, ...groups.slice(i).map((g) => g.text)].join('\n\n'), stopped: true };
    condensed.push(answer.text.trim());
  }
  return reduce(page, condensed, model, listen, level + 1);
}

function partial(summaries: string[], coverage: Coverage): SummaryOutcome {
  const text = summaries.map((s, i) => `Part ${i + 1}:\n${s}`).join('\n\n');
  return { text, complete: false, coverage, partSummaries: summaries };
}

async function promptOverhead(model: SummaryModel, messages: ChatMessage[]): Promise<number> {
  const counts = await model.countTokens(messages.map((m) => m.content));
  return counts.reduce((sum, n) => sum + n, 0) + TEMPLATE_SLACK_TOKENS;
}
