export {
  DATABASE_NAME,
  openDatabase,
  type ChatMessageRecord,
  type ChatThreadRecord,
  type ContextUse,
  type EdgewiseDatabase,
  type ModelChunkRecord,
  type ModelDownloadRecord,
  type ModelFileRecord,
  type SettingRecord,
  type SummaryRecord,
} from './schema';
export {
  clearSummaries,
  deleteSummary,
  findStoredSummary,
  listSummaries,
  saveSummary,
  type SummaryKey,
} from './summaries';
export {
  allThreads,
  clearThreads,
  deleteThread,
  foldForSearch,
  getThread,
  listThreads,
  saveThread,
  searchThreads,
} from './chats';
