/**
 * How a model's context window is shared between the prompt and the answer.
 *
 * Half the window (at most 1024 tokens) is kept for the answer; the prompt gets the
 * rest. Real summaries stop far earlier, but the room must exist: the test model
 * echoes its input, and a model that writes long is cut off rather than overflowing.
 */
export interface SummaryBudget {
  contextWindow: number;
  /** Most tokens a summary may take. */
  answerTokens: number;
  /** Most tokens a whole prompt (system + page text + template) may take. */
  promptTokens: number;
}

/** Chat-template tokens (role markers, separators) not counted by plain token counts. */
export const TEMPLATE_SLACK_TOKENS = 24;

export function summaryBudget(contextWindow: number): SummaryBudget {
  const answerTokens = Math.min(1024, Math.floor(contextWindow / 2));
  return { contextWindow, answerTokens, promptTokens: contextWindow - answerTokens };
}
