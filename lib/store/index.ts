export {
  DATABASE_NAME,
  openDatabase,
  type EdgewiseDatabase,
  type ModelChunkRecord,
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
