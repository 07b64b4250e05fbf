/** What a feature reads: the whole page, or only what the user selected. Declared once for every feature. */
export type SourceMode = 'page' | 'selection';

/** Options for {@link extractPage}. */
export interface ExtractOptions {
  mode: SourceMode;
  /** Selection mode: the selected text (window.getSelection().toString()). */
  selectionText?: string;
  /** Cap on extracted characters (default EXTRACT_MAX_CHARS = 2_000_000). */
  maxChars?: number;
  /** A host's shadow root, open or closed (default: open roots only); see `WalkLimits.shadowRoot`. */
  shadowRoot?: (el: Element) => ShadowRoot | null;
}

/** Why and how much text was cut. */
export interface ExtractCap {
  reason: string;
  keptChars: number;
  totalChars: number;
}

/** The readable text of a page, ready to be chunked and sent to the model. */
export interface ExtractedPage {
  title: string;
  url: string;
  byline: string;
  lang: string;
  /** Clean text. Paragraph-ish blocks separated by "\n\n"; whitespace collapsed inside blocks. */
  text: string;
  wordCount: number;
  source: 'article' | 'visible-text' | 'selection';
  /** Never silent: set when anything was cut, saying why and how much. */
  capped: null | ExtractCap;
  /** The page has a password, card or one-time-code field, so page memory never keeps it. */
  secretFields: boolean;
  /** Milliseconds spent, for the benchmark. */
  ms: number;
}

/** What of a page goes to the model: the one page shape prompts are built from. */
export type ModelPage = Pick<ExtractedPage, 'title' | 'url' | 'lang' | 'text'>;

/** Extraction found nothing worth reading (empty page, empty selection, no body). */
export class ExtractError extends Error {
  override name = 'ExtractError';
}

/** Default cap on extracted characters: about 300,000 words, far more than any model's context. */
export const EXTRACT_MAX_CHARS = 2_000_000;

/**
 * Most elements the visibility walk copies before it stops reading the page. Each element costs a
 * computed-style lookup; the bound keeps a giant page from freezing its tab.
 */
export const EXTRACT_MAX_ELEMENTS = 60_000;

/** Above this many copied elements, Readability (superlinear on big trees) is skipped for plain visible text. */
export const READABILITY_MAX_ELEMENTS = 15_000;
