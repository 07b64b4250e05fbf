/**
 * What goes to the model for one answer, and what is recorded about it: which page parts
 * were sent and how many earlier messages did not fit.
 */
import { textBudget } from '@/lib/answer';
import type { ChatMessage } from '@/lib/engine';
import type { ChatMessageRecord, ContextUse } from '@/lib/store';
import type { CountTokens } from '@/lib/summarize';
import { formatContextParts, selectPageContext, type PageSelection } from './page-context';
import { CHAT_SYSTEM_PROMPT, HISTORY_SHARE, fitHistory, fixedPromptTokens, userTurn } from './prompt';

/** The page a thread is about, as extracted when a question is sent. */
export interface PageText {
  title: string;
  url: string;
  text: string;
}

export interface ChatModel {
  modelId: string;
  contextWindow: number;
  countTokens: CountTokens;
}

export interface ChatPrompt {
  messages: ChatMessage[];
  context: ContextUse;
  /** Earlier messages left out to fit the window. */
  omitted: number;
}

/** Thrown when the question alone does not fit the model's window. */
export class QuestionTooLongError extends Error {
  override name = 'QuestionTooLongError';
}

/**
 * The messages for answering the last of `messages`: the system prompt, the earlier turns
 * that fit, and the question with the page parts that fit (all of the page when it does).
 */
export async function buildChatPrompt(
  messages: readonly ChatMessageRecord[],
  page: PageText | null,
  model: ChatModel,
): Promise<ChatPrompt> {
  const question = messages.at(-1)!.text;
  const budget = textBudget(model.contextWindow, HISTORY_SHARE);
  const fixed = await fixedPromptTokens(question, page?.title ?? '', model.countTokens);
  if (fixed > budget.promptTokens) {
    throw new QuestionTooLongError(
      `Your message is too long for this model (about ${fixed} tokens; it takes ${budget.promptTokens} with room for the answer). Shorten it, or choose a model with a larger context window.`,
    );
  }
  const history = await fitHistory(messages.slice(0, -1), budget.historyTokens, model.countTokens);
  const room = budget.promptTokens - fixed - history.tokens;
  let context: ContextUse = { mode: 'none', parts: [], totalParts: 0, words: 0, totalWords: 0 };
  let block = null;
  if (page && page.text.trim() && room >= 1) {
    const earlierQuestions = messages.slice(0, -1).flatMap((m) => (m.role === 'user' ? [m.text] : []));
    const selection = await selectPageContext({
      text: page.text,
      question,
      earlierQuestions,
      budgetTokens: room,
      countTokens: model.countTokens,
    });
    context = contextUse(selection);
    block = { title: page.title, text: formatContextParts(selection.parts, selection.totalParts) };
  }
  const prompt: ChatMessage[] = [
    { role: 'system', content: CHAT_SYSTEM_PROMPT },
    ...history.messages,
    { role: 'user', content: userTurn(question, block) },
  ];
  return { messages: prompt, context, omitted: history.omitted };
}

/** What is stored about the page context of an answer: enough to list the parts, not the page. */
export function contextUse(selection: PageSelection): ContextUse {
  return {
    mode: selection.mode,
    parts: selection.parts.map((p) => ({
      index: p.index,
      words: p.words,
      preview: p.text.trim().split(/\s+/).slice(0, 12).join(' '),
    })),
    totalParts: selection.totalParts,
    words: selection.words,
    totalWords: selection.totalWords,
  };
}
