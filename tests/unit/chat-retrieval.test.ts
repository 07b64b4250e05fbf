import { describe, expect, test } from 'vitest';
import { formatContextParts, partSize, selectPageContext, type ContextQuery } from '@/lib/chat/page-context';
import { rankChunks, rankWeighted, terms } from '@/lib/chat/retrieval';
import { countWords } from '@/lib/extract';
import type { CountTokens } from '@/lib/summarize';

/** One token per character: token counts are easy to reason about, and prompt length equals its tokens. */
const chars: CountTokens = async (texts) => texts.map((t) => t.length);
/** One token per word, as in chunk.test.ts, to check nothing depends on character counts. */
const perWord: CountTokens = async (texts) => texts.map((t) => t.match(/\w+|[^\w\s]/g)?.length ?? 0);

const filler = (i: number) => `Paragraph ${i} describes ordinary weather, local markets and daily routines in town.`;

/** Twenty filler paragraphs with topical ones at the given positions. */
function page(topical: Record<number, string>): string {
  return Array.from({ length: 20 }, (_, i) => topical[i] ?? filler(i)).join('\n\n');
}

function select(overrides: Partial<ContextQuery>) {
  return selectPageContext({ text: '', question: '', budgetTokens: 400, countTokens: chars, ...overrides });
}

describe('terms', () => {
  test('lowercases, folds diacritics, drops stopwords and single letters, keeps digits', () => {
    expect(terms('What is the Café in Zürich?')).toEqual(['cafe', 'zurich']);
    expect(terms('naïve CAFÉ façade')).toEqual(['naive', 'cafe', 'facade']);
    expect(terms('How does a 3 D printer work for me')).toEqual(['3', 'printer', 'work']);
    expect(terms('the of and to ... !!')).toEqual([]);
  });

  test('folds plurals conservatively', () => {
    expect(terms('rivers bridges studies boxes churches classes')).toEqual([
      'river',
      'bridge',
      'study',
      'box',
      'church',
      'class',
    ]);
    // Singular words ending in s stay as they are; cookie and cookies agree.
    expect(terms('glass status analysis bus')).toEqual(['glass', 'status', 'analysis', 'bus']);
    expect(terms('cookie cookies')).toEqual(['cooky', 'cooky']);
    expect(terms('running')).toEqual(['running']);
  });

  test('splits text written without spaces into character pairs', () => {
    expect(terms('東京都')).toEqual(['東京', '京都']);
    expect(terms('Chrome拡張')).toEqual(['chrome', '拡張']);
  });

  test('is deterministic', () => {
    const text = 'Bridges over the Danube: Budapest and Vienna.';
    expect(terms(text)).toEqual(terms(text));
  });
});

describe('rankChunks', () => {
  test('the chunk with the rare query terms comes first; every chunk is returned', () => {
    const chunks = [
      'The weather was mild.',
      'Markets open at dawn.',
      'The Danube bridges of Budapest.',
      'More weather.',
    ];
    const ranked = rankChunks(chunks, 'Which bridges cross the Danube?');
    expect(ranked.map((r) => r.index).sort()).toEqual([0, 1, 2, 3]);
    expect(ranked[0]).toMatchObject({ index: 2, matched: ['bridge', 'danube'] });
    expect(ranked[0]!.score).toBeGreaterThan(0);
    expect(ranked.slice(1).every((r) => r.score === 0 && r.matched.length === 0)).toBe(true);
  });

  test('a rare term outweighs a common term repeated (IDF)', () => {
    const chunks = [
      ...Array.from({ length: 8 }, (_, i) => `river town ${i}`),
      'river river river river town',
      'bridge town',
    ];
    const ranked = rankChunks(chunks, 'river bridge');
    expect(ranked[0]!.index).toBe(9);
    expect(ranked[1]!.index).toBe(8);
  });

  test('shorter chunks win with the same matches (length normalisation), unless b = 0', () => {
    const long = `danube ${'meadow orchard valley hill '.repeat(10)}`;
    const chunks = [long, 'danube meadow', 'orchard'];
    expect(rankChunks(chunks, 'danube')[0]!.index).toBe(1);
    const flat = rankChunks(chunks, 'danube', { b: 0 });
    expect(flat[0]!.score).toBe(flat[1]!.score);
    expect(flat.map((r) => r.index)).toEqual([0, 1, 2]); // ties by index
  });

  test('ties keep input order; repeated query terms count once; no terms scores 0', () => {
    const chunks = ['alpha beta', 'gamma', 'alpha beta', 'alpha beta'];
    expect(rankChunks(chunks, 'alpha').map((r) => r.index)).toEqual([0, 2, 3, 1]);
    expect(rankChunks(chunks, 'alpha alpha Alpha')).toEqual(rankChunks(chunks, 'alpha'));
    const none = rankChunks(chunks, 'what is the');
    expect(none.map((r) => [r.index, r.score])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  test('weights scale a term and zero weights are ignored', () => {
    const chunks = ['alpha one', 'beta two', 'gamma three'];
    const full = rankWeighted(chunks, new Map([['alpha', 1]]))[0]!;
    const half = rankWeighted(chunks, new Map([['alpha', 0.5]]))[0]!;
    expect(half.score).toBeCloseTo(full.score / 2);
    expect(rankWeighted(chunks, new Map([['beta', 0]]))[0]!.score).toBe(0);
    expect(rankChunks([], 'alpha')).toEqual([]);
  });
});

describe('partSize', () => {
  test('a quarter of the budget, between 32 and 384', () => {
    expect(partSize(100)).toBe(32);
    expect(partSize(400)).toBe(100);
    expect(partSize(1001)).toBe(250);
    expect(partSize(100_000)).toBe(384);
  });
});

describe('selectPageContext', () => {
  test('empty text selects nothing; a budget below 1 throws', async () => {
    expect(await select({ text: ' \n\n ' })).toEqual({
      mode: 'whole',
      parts: [],
      totalParts: 0,
      words: 0,
      totalWords: 0,
      tokens: 0,
    });
    await expect(select({ text: 'Some text.', budgetTokens: 0 })).rejects.toThrow(RangeError);
    await expect(select({ text: 'Some text.', budgetTokens: Number.NaN })).rejects.toThrow(RangeError);
  });

  test('a page that fits is sent whole, still listed as parts', async () => {
    const text = page({});
    const selection = await select({ text, question: 'weather?', budgetTokens: text.length });
    expect(selection.mode).toBe('whole');
    expect(selection.totalParts).toBeGreaterThan(1);
    expect(selection.parts).toHaveLength(selection.totalParts);
    expect(selection.parts.map((p) => p.text).join('')).toBe(text);
    expect(selection).toMatchObject({ tokens: text.length, words: countWords(text), totalWords: countWords(text) });
    expect(formatContextParts(selection.parts, selection.totalParts)).toBe(text);
  });

  test('a long page: only matching parts, in document order, within the budget', async () => {
    const text = page({
      3: 'The Danube flows east through Vienna, the Austrian capital.',
      11: 'In Budapest the Danube divides Buda from Pest.',
      17: 'Many cities along the Danube have old bridges.',
    });
    const budgetTokens = 400;
    const selection = await select({ text, question: 'Which cities does the Danube flow through?', budgetTokens });
    expect(selection.mode).toBe('relevant');
    expect(selection.parts.map((p) => p.index)).toEqual([3, 11, 17]);
    expect(selection.parts.every((p) => p.text.includes('Danube') && p.score > 0)).toBe(true);
    expect(selection.totalParts).toBe(20);
    expect(selection.tokens).toBe(selection.parts.reduce((sum, p) => sum + p.tokens, 0));
    expect(selection.tokens).toBeLessThanOrEqual(budgetTokens);
    expect(selection.words).toBe(selection.parts.reduce((sum, p) => sum + countWords(p.text), 0));
    expect(selection.totalWords).toBe(countWords(text));

    // With one token per character, the prompt text's length is its token count: markers included, it fits.
    const prompt = formatContextParts(selection.parts, selection.totalParts);
    expect(prompt.length).toBeLessThanOrEqual(budgetTokens);
    expect(prompt).toMatch(/^\[part 4 of 20\]\nThe Danube flows/);
    expect(prompt).toContain('\n\n[part 12 of 20]\nIn Budapest');
  });

  test('best parts first; one that no longer fits is skipped for a smaller one that does', async () => {
    const long = 'Danube, Danube, Danube: the long river passes hills, vineyards, castles, towns and green meadows.';
    const text = page({ 2: long, 5: long, 8: long, 11: long, 14: 'A note on the Danube and its fish.' });
    // Parts of up to 105 tokens; each costs its tokens plus an 18-token marker ("\n\n[part 20 of 20]\n").
    // Three long parts take 351, leaving 69: too little for the fourth (117), enough for the short one (54).
    const budgetTokens = 420;
    const selection = await select({ text, question: 'Danube', budgetTokens });
    expect(selection.mode).toBe('relevant');
    expect(selection.parts.map((p) => p.index)).toEqual([2, 5, 8, 14]);
    expect(selection.parts[0]!.score).toBeGreaterThan(selection.parts[3]!.score);
    expect(formatContextParts(selection.parts, selection.totalParts).length).toBeLessThanOrEqual(budgetTokens);
  });

  test('earlier questions steer a follow-up', async () => {
    const text = page({
      4: 'The Danube rises in the Black Forest of Germany and flows east for a long way.',
      9: 'After a long journey east, the Danube ends in a wide delta on the Black Sea coast.',
      15: 'The Rhine ends in the North Sea.',
    });
    const question = 'And where does it end?';
    const alone = await select({ text, question });
    const followUp = await select({ text, question, earlierQuestions: ['Tell me about the Danube'] });
    const score = (s: typeof alone, index: number) => s.parts.find((p) => p.index === index)?.score ?? 0;
    expect(score(alone, 15)).toBeGreaterThan(score(alone, 9)); // shorter, same match
    expect(score(followUp, 9)).toBeGreaterThan(score(followUp, 15));
    expect(alone.parts.map((p) => p.index)).toEqual([9, 15]);
    expect(followUp.parts.map((p) => p.index)).toEqual([4, 9, 15]);

    // A follow-up whose own words match nothing still finds the topic.
    const vague = await select({ text, question: 'How far is it?', earlierQuestions: ['The Danube?'] });
    expect(vague.mode).toBe('relevant');
    expect(vague.parts.every((p) => p.text.includes('Danube'))).toBe(true);
  });

  test('nothing matches: the beginning of the page, contiguous and within the budget', async () => {
    const text = page({});
    const budgetTokens = 300;
    const selection = await select({ text, question: 'quantum chromodynamics', budgetTokens });
    expect(selection.mode).toBe('leading');
    expect(selection.parts.length).toBeGreaterThan(0);
    expect(selection.parts.map((p) => p.index)).toEqual(selection.parts.map((_, i) => i));
    expect(selection.parts[0]!.start).toBe(0);
    expect(formatContextParts(selection.parts, selection.totalParts).length).toBeLessThanOrEqual(budgetTokens);
    expect(selection.words).toBeLessThan(selection.totalWords);
  });

  test('works the same with a word tokenizer', async () => {
    const text = page({ 7: 'Vienna sits on the Danube.' });
    const [total] = await perWord([text]);
    const selection = await select({ text, question: 'Vienna', budgetTokens: 100, countTokens: perWord });
    expect(total).toBeGreaterThan(100);
    expect(selection.mode).toBe('relevant');
    expect(selection.parts.some((p) => p.text.includes('Vienna'))).toBe(true);
    expect(selection.parts.every((p) => p.score > 0)).toBe(true);
    expect(selection.tokens).toBeLessThanOrEqual(100);
  });
});
