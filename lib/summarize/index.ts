export { TEMPLATE_SLACK_TOKENS, summaryBudget, type SummaryBudget } from './budget';
export { chunkText, countWords, type CountTokens, type TextChunk } from './chunk';
export { describeCoverage, lastWords, type Coverage } from './coverage';
export {
  EmptyTextError,
  summarizeText,
  type SummaryListener,
  type SummaryModel,
  type SummaryOutcome,
  type SummaryProgress,
} from './map-reduce';
export {
  attribute,
  mapMessages,
  mapSystemPrompt,
  neutralise,
  reduceMessages,
  reduceSystemPrompt,
  type PageContext,
} from './prompts';
export { runSummaryJob, type JobDeps, type JobOptions, type JobState, type SummaryMode } from './job';
