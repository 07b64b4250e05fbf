/**
 * Side-panel chat about a page: threads bound to tabs, the page parts that fit the
 * model's window (BM25 over chunks), prompts, the conversation state machine, and JSON
 * export/import of the history.
 */
export {
  Conversation,
  type AgreedRequest,
  type AnswerVia,
  type AskedEngine,
  type ConversationDeps,
  type ConversationSnapshot,
} from './conversation';
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ImportError,
  MAX_IMPORT_CHARACTERS,
  buildExport,
  exportJson,
  importThreads,
  parseEnvelope,
  parseExport,
  type ChatExport,
  type ImportResult,
} from './export';
export { expectObject, fail } from './export-schema';
export {
  formatContextParts,
  partSize,
  selectPageContext,
  type ContextPart,
  type ContextQuery,
  type ContextSelection,
} from './page-context';
export {
  CHAT_SYSTEM_PROMPT,
  HISTORY_SHARE,
  QuestionTooLongError,
  buildChatPrompt,
  contextUse,
  fitHistory,
  fixedPromptTokens,
  measureQuestion,
  userTurn,
  type ChatModel,
  type QuestionFit,
  type ChatPrompt,
} from './prompt';
export { fitBeginning, fitRemembered, type RememberedContext } from './remembered-context';
export { rankChunks, rankWeighted, terms, type CorpusStats, type RankOptions, type ScoredChunk } from './retrieval';
export { TAB_THREADS_KEY, bindThread, boundThread, threadUrl, unbindTab, type TabThread } from './tab-threads';
