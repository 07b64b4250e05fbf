import { describe, expect, test } from 'vitest';
import { countWords } from '@/lib/extract';
import { chunkText, type CountTokens } from '@/lib/summarize';

/** Like the test model's byte-level tokenizer: one token per UTF-8 byte. */
const bytes: CountTokens = async (texts) => texts.map((t) => new TextEncoder().encode(t).length);
/** A word-ish tokenizer, to check the approach does not depend on byte counts. */
const words: CountTokens = async (texts) => texts.map((t) => t.match(/\w+|[^\w\s]/g)?.length ?? 0);

function expectCovers(text: string, chunks: { start: number; end: number; text: string }[]) {
  expect(chunks.map((c) => c.text).join('')).toBe(text);
  chunks.forEach((c, i) => {
    expect(text.slice(c.start, c.end)).toBe(c.text);
    if (i > 0) expect(c.start).toBe(chunks[i - 1]!.end);
  });
}

describe('chunkText', () => {
  test('empty and blank text make no chunks', async () => {
    expect(await chunkText('', 10, bytes)).toEqual([]);
    expect(await chunkText(' \n\n ', 10, bytes)).toEqual([]);
  });

  test('text that fits is one chunk, including exactly at the budget', async () => {
    const text = 'a'.repeat(50);
    const chunks = await chunkText(text, 50, bytes);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ text, tokens: 50, words: 1 });
  });

  test('one token over the budget makes two chunks', async () => {
    const text = 'one two three four five';
    const chunks = await chunkText(text, text.length - 1, bytes);
    expect(chunks.length).toBe(2);
    expectCovers(text, chunks);
  });

  test('prefers paragraph breaks, then sentences', async () => {
    const para1 = 'First paragraph. It has two sentences.';
    const para2 = 'Second paragraph is here. And more text follows it.';
    const text = `${para1}\n\n${para2}`;
    const chunks = await chunkText(text, 45, bytes);
    expectCovers(text, chunks);
    expect(chunks[0]!.text).toBe(`${para1}\n\n`);
    expect(chunks.every((c) => c.tokens <= 45)).toBe(true);
    expect(chunks.slice(1).map((c) => c.text.trim())).toEqual([
      'Second paragraph is here.',
      'And more text follows it.',
    ]);
  });

  test('a huge run without spaces is cut, and every piece fits', async () => {
    const text = 'x'.repeat(1000);
    const chunks = await chunkText(text, 64, bytes);
    expectCovers(text, chunks);
    expect(chunks.every((c) => c.tokens <= 64)).toBe(true);
    expect(chunks.length).toBeGreaterThanOrEqual(16);
  });

  test('multi-byte text: never splits a character, counts bytes right', async () => {
    const text = '😀日本語のテキスト😀'.repeat(40) + ' café naïve';
    const chunks = await chunkText(text, 50, bytes);
    expectCovers(text, chunks);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBeLessThanOrEqual(50);
      expect(chunk.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/); // no lone surrogates
    }
  });

  test('packs small units up to the budget with another tokenizer', async () => {
    const text = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} is short.`).join(' ');
    const chunks = await chunkText(text, 40, words);
    expectCovers(text, chunks);
    expect(chunks.every((c) => c.tokens <= 40)).toBe(true);
    expect(chunks.reduce((sum, c) => sum + c.words, 0)).toBe(countWords(text));
  });

  test('re-checks packed chunks: a tokenizer that merges across units still fits', async () => {
    // Counts the whole text as more than its parts (a merge-unfriendly tokenizer).
    const sticky: CountTokens = async (texts) => texts.map((t) => t.length + (t.includes(' ') ? 5 : 0));
    const text = Array.from({ length: 30 }, () => 'abcd').join(' ');
    const chunks = await chunkText(text, 20, sticky);
    expectCovers(text, chunks);
    expect(chunks.every((c) => c.tokens <= 20)).toBe(true);
  });

  test('a budget with no room is a clear error', async () => {
    await expect(chunkText('text', 0, bytes)).rejects.toThrow(/No room for text/);
  });

  test('a page of 20,000 long paragraphs: a few count calls, every character covered', async () => {
    // Each paragraph is over budget, so it breaks into sentences and words: hundreds of
    // thousands of pieces, which must neither overflow the call stack nor cost a call each.
    const text = Array.from(
      { length: 20_000 },
      (_, i) =>
        `Paragraph ${i} of a very long page: the council met again to discuss the harbour, the mill and the tides`,
    ).join('\n\n');
    let calls = 0;
    const counted: CountTokens = async (texts) => {
      calls++;
      return texts.map((t) => t.length);
    };
    const chunks = await chunkText(text, 50, counted);
    expectCovers(text, chunks);
    expect(chunks.every((c) => c.tokens <= 50)).toBe(true);
    expect(calls).toBeLessThan(10);
  });
});
