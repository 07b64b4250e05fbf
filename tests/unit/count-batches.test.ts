import { describe, expect, test } from 'vitest';
import { MAX_CONTENT_CHARS, MAX_TEXTS_PER_COUNT, countTokensInBatches } from '@/lib/messaging';

/** A fake engine that refuses what the real validator refuses, and records each call. */
function fakeEngine() {
  const calls: string[][] = [];
  return {
    calls,
    async countTokens(texts: string[]) {
      const chars = texts.reduce((sum, t) => sum + t.length, 0);
      if (texts.length > MAX_TEXTS_PER_COUNT || chars > MAX_CONTENT_CHARS) throw new Error('MessageRejected');
      calls.push(texts);
      return texts.map((t) => t.length);
    },
  };
}

describe('countTokensInBatches', () => {
  test('many short texts go in batches the engine accepts, counts in order', async () => {
    const engine = fakeEngine();
    const texts = Array.from({ length: 25_000 }, (_, i) => `paragraph ${i}`);
    const counts = await countTokensInBatches(engine, texts);
    expect(counts).toEqual(texts.map((t) => t.length));
    expect(engine.calls.map((c) => c.length)).toEqual([10_000, 10_000, 5_000]);
  });

  test('long texts are split by characters', async () => {
    const engine = fakeEngine();
    const texts = ['a'.repeat(1_500_000), 'b'.repeat(1_500_000), 'c'.repeat(1_500_000)];
    expect(await countTokensInBatches(engine, texts)).toEqual([1_500_000, 1_500_000, 1_500_000]);
    expect(engine.calls.map((c) => c.length)).toEqual([2, 1]);
  });

  test('nothing to count makes no call', async () => {
    const engine = fakeEngine();
    expect(await countTokensInBatches(engine, [])).toEqual([]);
    expect(engine.calls).toEqual([]);
  });
});
