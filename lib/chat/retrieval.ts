/**
 * Lexical retrieval for page chat: Okapi BM25 over a page's parts.
 *
 * BM25 rather than embeddings: it needs no second model download, ranks a page's worth of
 * text in well under a millisecond, and is explainable — a part is picked because it shares
 * rare words with the question, and `matched` says which ones.
 */

/** A chunk's rank for a query. */
export interface ScoredChunk {
  /** Position of the chunk in the input array. */
  index: number;
  /** BM25 score; 0 when no query term occurs in the chunk. */
  score: number;
  /** Distinct query terms (as {@link terms} normalises them) found in the chunk, in query order. */
  matched: string[];
}

/** BM25 parameters: `k1` saturates term frequency, `b` weighs length normalisation (0 = none, 1 = full). */
export interface RankOptions {
  k1?: number;
  b?: number;
  /**
   * The collection the chunks were drawn from, when they are only its candidates (page
   * memory ranks the parts that share a term with the question, out of every remembered
   * part): IDF then comes from the whole collection, not from the candidates alone.
   */
  corpus?: CorpusStats;
}

/** Size and document frequencies of a collection larger than the chunks ranked. */
export interface CorpusStats {
  size: number;
  /** Parts of the collection holding each query term (as {@link terms} returns it). */
  documentFrequency: ReadonlyMap<string, number>;
}

// Question words matter here: "what does the page say about X" must reduce to just "x".
const STOPWORDS = new Set(
  `a about all also am an and any are as at be been being but by can could did do does doing for from
  had has have he her his how i if in into is it its let me my no not of on or our out please say says
  she should so some tell than that the their them then there these they this those to too up us was we
  were what when where which who whom why will with would you your`.split(/\s+/),
);

// Scripts written without spaces: a run of them is a whole sentence, so it is indexed as
// overlapping character pairs (as Lucene's CJK analyzer does) to give the question a chance to match.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/u;
const SEGMENTS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;

/**
 * Terms of a question or a document, for matching: lowercased, diacritics folded ("Café" →
 * "cafe"), English stopwords and single letters dropped (single digits kept), plurals
 * stemmed conservatively ("rivers" → "river", "studies" → "study"). Deterministic.
 */
export function terms(text: string): string[] {
  // Lowercase before folding: "İ".toLowerCase() leaves a combining dot, which folding then strips.
  const folded = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  const out: string[] = [];
  for (const [run] of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (const [segment] of run.matchAll(SEGMENTS)) {
      if (UNSPACED.test(segment)) out.push(...bigrams(segment));
      else if (!STOPWORDS.has(segment) && (segment.length > 1 || /\p{N}/u.test(segment))) out.push(stem(segment));
    }
  }
  return out;
}

function bigrams(segment: string): string[] {
  const chars = [...segment]; // by code point, so no surrogate pair is split
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => chars[i]! + char);
}

/**
 * Plural folding only: a wrong merge ("news" with "new") costs less than a missed one, but
 * suffixes like -ing or -ed are left alone because stripping them mangles too many words.
 */
function stem(word: string): string {
  // "cookie" and "cookies" both become "cooky", as "study" and "studies" both stay "study".
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('ie')) return `${word.slice(0, -2)}y`;
  // -es only where the e belongs to the plural: "boxes", "churches", "classes" — not "sizes", "causes".
  if (word.length > 4 && /(?:x|ch|sh|ss|zz)es$/.test(word)) return word.slice(0, -2);
  // Not after s, u or i: "glass", "status", "analysis" are singular.
  if (word.length > 3 && word.endsWith('s') && !/[siu]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Ranks `chunks` against `query` with Okapi BM25 (k1 = 1.2, b = 0.75 unless given;
 * IDF = ln(1 + (N − df + 0.5) / (df + 0.5)), so always positive). A term repeated in the
 * query counts once. Returns every chunk, best first, ties in input order; a query with
 * no terms scores every chunk 0.
 */
export function rankChunks(chunks: readonly string[], query: string, options: RankOptions = {}): ScoredChunk[] {
  return rankWeighted(chunks, new Map(terms(query).map((term) => [term, 1])), options);
}

/**
 * {@link rankChunks} with a weight per query term, e.g. to count a thread's earlier
 * questions less than the current one. Keys are terms as {@link terms} returns them;
 * a term's BM25 contribution is multiplied by its weight, and weights ≤ 0 are ignored.
 */
export function rankWeighted(
  chunks: readonly string[],
  weights: ReadonlyMap<string, number>,
  { k1 = 1.2, b = 0.75, corpus }: RankOptions = {},
): ScoredChunk[] {
  if (!(k1 >= 0) || !(b >= 0 && b <= 1)) throw new RangeError(`BM25 needs k1 ≥ 0 and 0 ≤ b ≤ 1, got k1=${k1}, b=${b}.`);
  const docs = chunks.map(termCounts);
  const n = corpus?.size ?? docs.length;
  // A page of only stopwords has no terms at all; any positive average keeps the formula finite.
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length || 1;
  const idf = new Map<string, number>();
  for (const term of weights.keys()) {
    const df = corpus?.documentFrequency.get(term) ?? docs.filter((doc) => doc.counts.has(term)).length;
    idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const scored = docs.map(({ counts, length }, index): ScoredChunk => {
    const norm = k1 * (1 - b + (b * length) / averageLength);
    let score = 0;
    const matched: string[] = [];
    for (const [term, weight] of weights) {
      const tf = counts.get(term) ?? 0;
      if (tf === 0 || !(weight > 0)) continue;
      score += (weight * idf.get(term)! * tf * (k1 + 1)) / (tf + norm);
      matched.push(term);
    }
    return { index, score, matched };
  });
  return scored.sort((x, y) => y.score - x.score || x.index - y.index);
}

function termCounts(text: string): { counts: Map<string, number>; length: number } {
  const all = terms(text);
  const counts = new Map<string, number>();
  for (const term of all) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, length: all.length };
}
