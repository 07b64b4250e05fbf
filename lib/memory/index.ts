/**
 * Page memory (issue 12): the pages the user used with Edgewise (and, opt-in, read), kept
 * on the device in parts, searchable with the chat's BM25, and deletable by page, site,
 * time range or all. The never-remember rules and the limits are applied on every write.
 */
export {
  CONTEXT_FORMAT,
  CONTEXT_VERSION,
  MAX_CONTEXT_CHARACTERS,
  exportContext,
  importContext,
  type ContextFile,
  type ContextImportResult,
  type ExportedPage,
} from './context-file';
export { enforceLimits, type Evicted } from './limits';
export { watchReading, type ReadingApis, type ReadingDeps } from './reading';
export { whyNotRemember, type MemoryCandidate, type NotRemembered } from './rules';
export { searchMemory, type MemorySearch, type RecalledPage } from './search';
export {
  forgetPage,
  forgetPages,
  forgetSince,
  forgetSite,
  listMemory,
  memoryText,
  rememberPage,
  type PageToRemember,
} from './store';
