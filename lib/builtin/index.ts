/** Chrome's built-in AI (the Prompt API) as a third engine, called from the side panel (issue 14). */
export { BUILT_IN_OPTIONS, BuiltInAi, BuiltInTooLongError, type BuiltInAnswer } from './built-in-ai';
export {
  contextUsageOf,
  contextWindowOf,
  measureUsage,
  promptApiOf,
  type PromptApi,
  type PromptApiAvailability,
  type PromptApiCreateOptions,
  type PromptApiMonitor,
  type PromptApiOptions,
  type PromptApiSession,
} from './prompt-api';
