/** Issue 14: Chrome's built-in AI through the Prompt API, driven by the named test stand-in. */
import { describe, expect, test } from 'vitest';
import { BUILT_IN_OPTIONS, BuiltInAi, BuiltInTooLongError, promptApiOf } from '@/lib/builtin';
import { BuiltInService } from '@/lib/panel';
import { STAND_IN_PREFIX, installPromptApiStandIn, type StandInOptions } from '../stand-ins/prompt-api';

function standIn(options: StandInOptions) {
  const scope: Record<string, unknown> = {};
  const log = installPromptApiStandIn(scope, options);
  return { ai: new BuiltInAi(promptApiOf(scope)), log };
}

const MESSAGES = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'What time is high tide?' },
];

describe('BuiltInAi', () => {
  test('a browser without the API is unavailable', async () => {
    expect(promptApiOf({})).toBeNull();
    expect(promptApiOf({ LanguageModel: { availability: 1 } })).toBeNull();
    expect(await new BuiltInAi(null).availability()).toBe('unavailable');
  });

  test('availability is asked with the same options create gets', async () => {
    const { ai, log } = standIn({ availability: 'available' });
    expect(await ai.availability()).toBe('available');
    await ai.answer(MESSAGES, () => undefined);
    expect(log.availability).toEqual([BUILT_IN_OPTIONS]);
    expect(log.create[0]!.options).toMatchObject(BUILT_IN_OPTIONS);
  });

  test('a download reports progress to the end, then the model is available', async () => {
    const { ai } = standIn({ availability: 'downloadable' });
    const progress: number[] = [];
    await ai.download((fraction) => progress.push(fraction));
    expect(progress).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(await ai.availability()).toBe('available');
  });

  test('streams the answer to the last question; earlier messages start the session', async () => {
    const { ai, log } = standIn({ availability: 'available' });
    const pieces: string[] = [];
    const answer = await ai.answer(MESSAGES, (piece) => pieces.push(piece));
    expect(answer.text).toBe(STAND_IN_PREFIX + 'What time is high tide?');
    expect(pieces.join('')).toBe(answer.text);
    expect(log.initialPrompts[0]).toEqual([MESSAGES[0]]);
    expect(log.prompts).toEqual(['What time is high tide?']);
  });

  test.each([false, true])('a prompt over the window is refused before it runs (older names: %s)', async (oldNames) => {
    const { ai, log } = standIn({ availability: 'available', contextWindow: 5, oldNames });
    expect(await ai.contextWindow()).toBe(5);
    await expect(ai.answer(MESSAGES, () => undefined)).rejects.toBeInstanceOf(BuiltInTooLongError);
    expect(log.prompts).toEqual([]);
  });

  test('a stop ends the stream, keeping what came', async () => {
    const { ai } = standIn({ availability: 'available' });
    const abort = new AbortController();
    const answer = await ai.answer(
      MESSAGES,
      (piece) => {
        if (piece) abort.abort();
      },
      abort.signal,
    );
    expect(answer.stopped).toBe(true);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text.length).toBeLessThan((STAND_IN_PREFIX + MESSAGES[1]!.content).length);
  });
});

describe('BuiltInService', () => {
  test('reports the download from 0 to done, then ready; a failure says why', async () => {
    const { ai } = standIn({ availability: 'downloadable' });
    const service = new BuiltInService(ai);
    await service.refresh();
    expect(service.ready).toBe(false);
    const seen: (number | null)[] = [];
    service.state.subscribe(() => seen.push(service.state.value.progress));
    await service.download();
    expect(seen).toEqual(expect.arrayContaining([0, 0.5, 1, null]));
    expect(service.state.value).toMatchObject({ availability: 'available', progress: null, error: null });
    expect(service.ready).toBe(true);

    const refused = new BuiltInService(standIn({ availability: 'downloadable', requireActivation: true }).ai);
    await refused.download();
    expect(refused.state.value.error).toMatch(/user gesture/);
    expect(refused.ready).toBe(false);
  });
});
