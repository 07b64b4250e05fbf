/**
 * Page text extraction: what a person can read on a page (or in their selection), as clean
 * paragraph blocks for the model. Pure and synchronous; given a Document, it runs inside pages
 * (injected script) and in unit tests (happy-dom).
 */
export { extractPage } from './extract-page';
export { hasSecretFields } from './secret-fields';
export { cleanBlock, countWords, stripInvisible } from './clean-text';
export {
  EXTRACT_MAX_CHARS,
  EXTRACT_MAX_ELEMENTS,
  ExtractError,
  READABILITY_MAX_ELEMENTS,
  type ExtractCap,
  type SourceMode,
  type ExtractOptions,
  type ExtractedPage,
  type ModelPage,
} from './types';
