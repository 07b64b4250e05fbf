import { blocksLength, cleanBlock, countWords, joinCapped, selectionBlocks } from './clean-text';
import { collectBlocks } from './blocks';
import { isClutter } from './clutter';
import { readArticle, type Article } from './readable';
import { hasSecretFields } from './secret-fields';
import { copyVisible } from './visibility';
import {
  EXTRACT_MAX_CHARS,
  EXTRACT_MAX_ELEMENTS,
  ExtractError,
  READABILITY_MAX_ELEMENTS,
  type ExtractCap,
  type ExtractOptions,
  type ExtractedPage,
} from './types';
import { i18n } from '@/lib/i18n';

/** Metadata known from the document itself, before any extraction. */
interface Meta {
  title: string;
  url: string;
  byline: string;
  lang: string;
  secretFields: boolean;
}

/**
 * The readable text of `doc`, or of the user's selection in it. Pure: reads the document (and its
 * computed styles), never changes it. Page mode prefers Readability's article and falls back to
 * the page's visible text; hidden text and invisible characters are dropped either way.
 * @throws ExtractError when there is nothing to read.
 */
export function extractPage(doc: Document, options: ExtractOptions): ExtractedPage {
  const start = performance.now();
  const maxChars = options.maxChars ?? EXTRACT_MAX_CHARS;
  if (!Number.isFinite(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be at least 1, not ${maxChars}.`);
  const meta: Meta = { ...readMeta(doc), secretFields: hasSecretFields(doc, options.shadowRoot) };

  if (options.mode === 'selection') {
    const blocks = selectionBlocks(options.selectionText ?? '');
    if (blocks.length === 0) throw new ExtractError(i18n.t('pageErrors.nothingSelected'));
    return finish(meta, blocks, 'selection', maxChars, null, start);
  }
  if (options.mode !== 'page') throw new ExtractError(`Unknown extract mode: ${String(options.mode)}.`);

  // A little more than the cap: whitespace inside text nodes shrinks when collapsed.
  const visible = copyVisible(doc, {
    maxElements: EXTRACT_MAX_ELEMENTS,
    maxRawChars: Math.ceil(maxChars * 1.25) + 10_000,
    skip: isClutter,
    shadowRoot: options.shadowRoot,
  });
  let fallback = collectBlocks(visible.doc.body, { skipChrome: true });
  // A page made only of "chrome" (a bare banner, a lone dialog) still has something to say.
  if (fallback.length === 0) fallback = collectBlocks(visible.doc.body, { skipChrome: false });
  // Readability mutates the copy; the fallback blocks are already taken.
  const article: Article | null =
    visible.elements <= READABILITY_MAX_ELEMENTS ? readArticle(visible.doc, blocksLength(fallback)) : null;

  const found = article ? { ...meta, blocks: article.blocks } : { ...meta, blocks: fallback };
  if (found.blocks.length === 0) throw new ExtractError(i18n.t('pageErrors.noReadableText'));
  if (article) {
    found.title ||= cleanBlock(article.title);
    found.byline = cleanBlock(article.byline) || meta.byline;
    found.lang ||= article.lang;
  }
  let walkCut: WalkCut | null = null;
  if (visible.cut !== null) {
    const reason =
      visible.cut === 'elements'
        ? i18n.t('pageErrors.tooManyElements', [EXTRACT_MAX_ELEMENTS.toLocaleString('en')])
        : textLimitReason(maxChars);
    // The walk never saw the rest. Estimate its clean length from the live page's raw text length
    // (native, fast) at the raw-to-clean ratio of the part that was read; collapsing 10 MB of raw
    // text just to count it would take the better part of a second.
    const liveChars = doc.body?.textContent?.length ?? 0;
    walkCut = { reason, rawRatio: blocksLength(fallback) / Math.max(1, visible.chars), liveChars };
  }
  return finish(found, found.blocks, article ? 'article' : 'visible-text', maxChars, walkCut, start);
}

/** The visibility walk stopped early: why, and what is needed to estimate the full length. */
interface WalkCut {
  reason: string;
  /** Clean characters per raw character, in the part that was read. */
  rawRatio: number;
  /** Raw text length of the whole live page. */
  liveChars: number;
}

function finish(
  meta: Meta,
  blocks: string[],
  source: ExtractedPage['source'],
  maxChars: number,
  walkCut: WalkCut | null,
  start: number,
): ExtractedPage {
  const joined = joinCapped(blocks, maxChars);
  let capped: ExtractCap | null = null;
  if (walkCut !== null) {
    const estimate = Math.round(walkCut.liveChars * walkCut.rawRatio);
    capped = {
      reason: walkCut.reason,
      keptChars: joined.text.length,
      totalChars: Math.max(estimate, joined.totalChars),
    };
  } else if (joined.text.length < joined.totalChars) {
    capped = {
      reason: textLimitReason(maxChars),
      keptChars: joined.text.length,
      totalChars: joined.totalChars,
    };
  }
  return {
    title: meta.title,
    url: meta.url,
    byline: meta.byline,
    lang: meta.lang,
    text: joined.text,
    wordCount: countWords(joined.text),
    source,
    capped,
    secretFields: meta.secretFields,
    ms: performance.now() - start,
  };
}

function textLimitReason(maxChars: number): string {
  return i18n.t('pageErrors.textTooLong', [maxChars.toLocaleString('en')]);
}

/** Title, URL, author and language as the document declares them ('' when it does not). */
function readMeta(doc: Document): Omit<Meta, 'secretFields'> {
  const metaContent = (selector: string) => cleanBlock(doc.querySelector(selector)?.getAttribute('content') ?? '');
  return {
    title: cleanBlock(doc.title),
    url: doc.location?.href ?? doc.URL,
    byline: metaContent('meta[name="author" i]'),
    lang: doc.documentElement?.lang.trim() || metaContent('meta[http-equiv="content-language" i]'),
  };
}
