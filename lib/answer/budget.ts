/**
 * How a model's context window is shared, for every feature: half the window (at most
 * 1024 tokens) is kept for the answer, and the prompt gets the rest. A feature that keeps
 * earlier turns (chat) gives them a share of the prompt, so a long conversation does not
 * crowd out the page.
 *
 * Real answers stop far earlier than 1024 tokens, but the room must exist: the test model
 * echoes its input, and a model that writes long is cut off rather than overflowing.
 */
export interface TextBudget {
  contextWindow: number;
  /** Most tokens an answer may take. */
  answerTokens: number;
  /** Most tokens the whole prompt (system, history, page, template) may take. */
  promptTokens: number;
  /** Most tokens earlier turns may take (0 for features without history). */
  historyTokens: number;
}

/** Chat-template tokens (role markers, separators) per message, not counted by plain token counts. */
export const TEMPLATE_TOKENS_PER_MESSAGE = 8;

/** The budget for a `contextWindow`-token model; `historyShare` of the prompt may go to earlier turns. */
export function textBudget(contextWindow: number, historyShare = 0): TextBudget {
  const answerTokens = Math.min(1024, Math.floor(contextWindow / 2));
  const promptTokens = contextWindow - answerTokens;
  return { contextWindow, answerTokens, promptTokens, historyTokens: Math.floor(promptTokens * historyShare) };
}
