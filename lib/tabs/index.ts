export {
  EXTRACTOR_GLOBAL,
  PageNotReadableError,
  explainInjectionError,
  extractFromTab,
  type ExtractorReply,
  type TabApis,
} from './extract-from-tab';
export { unsupportedPageReason } from './page-support';
export { installExtractor } from './extractor';
