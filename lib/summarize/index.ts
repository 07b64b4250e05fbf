export { chunkText, type CountTokens, type TextChunk } from './chunk';
export { describeCoverage, lastWords, type Coverage } from './coverage';
export {
  EmptyTextError,
  summarizeText,
  type SummaryListener,
  type SummaryModel,
  type SummaryOutcome,
  type SummaryProgress,
} from './map-reduce';
export { mapMessages, mapSystemPrompt, reduceMessages, reduceSystemPrompt } from './prompts';
export { runSummaryJob, type JobDeps, type JobOptions, type JobState } from './job';
