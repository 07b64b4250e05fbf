import { describe, expect, test } from 'vitest';
import { measureQuestion } from '@/lib/chat';

/** A stand-in tokenizer: one token per character, as a byte-level one counts ASCII. */
const model = (contextWindow: number) => ({
  modelId: 'a/b',
  contextWindow,
  countTokens: (texts: string[]) => Promise.resolve(texts.map((t) => t.length)),
});

describe('measureQuestion', () => {
  test('a question that fits says how much of the limit it takes', async () => {
    const fit = await measureQuestion('When is high tide?', 'Tides', model(1024));
    expect(fit.limit).toBe(512);
    expect(fit.fits).toBe(true);
    expect(fit.tokens).toBeGreaterThan('When is high tide?'.length);
  });

  test('a question over the limit does not fit, on the same count the prompt builder refuses', async () => {
    const fit = await measureQuestion('x'.repeat(600), '', model(1024));
    expect(fit).toMatchObject({ limit: 512, fits: false });
    expect(fit.tokens).toBeGreaterThan(600);
  });
});
