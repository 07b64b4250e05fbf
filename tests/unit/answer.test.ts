/** The one answer stream (lib/answer), on the real engine with the echo model, and the shared budget. */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { streamAnswer, textBudget, type AnswerEngine } from '@/lib/answer';
import type { GenerateRequest } from '@/lib/engine';
import { ECHO_MODEL, startNodeEngine, type NodeEngine } from './helpers/node-engine';

let node: NodeEngine;
beforeAll(async () => {
  node = await startNodeEngine();
  await node.engine.download(ECHO_MODEL);
});
afterAll(() => node?.close());

const question = [{ role: 'user' as const, content: 'tide at six forty' }];

describe('streamAnswer', () => {
  test('streams pieces that add up to the answer, and says where it ran', async () => {
    const pieces: string[] = [];
    const answer = await streamAnswer(node.engine, {
      feature: 'chat',
      messages: question,
      modelId: ECHO_MODEL,
      maxNewTokens: 32,
      onText: (piece) => pieces.push(piece),
    });
    expect(answer.text).toContain('tide at six forty');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(answer.text);
    expect(answer.stopped).toBe(false);
    expect(answer.origin).toEqual({
      kind: 'device',
      modelId: ECHO_MODEL,
      device: 'wasm',
      tokensPerSecond: expect.any(Number),
    });
    expect(answer.completionTokens).toBeGreaterThan(0);
    expect(answer.promptTokens).toBeGreaterThan(0);
  });

  test('aborting mid-stream stops within a token and keeps what was written', async () => {
    const abort = new AbortController();
    let streamed = '';
    const answer = await streamAnswer(node.engine, {
      feature: 'summary',
      messages: [{ role: 'user', content: 'one two three four five six seven eight nine ten' }],
      modelId: ECHO_MODEL,
      maxNewTokens: 64,
      signal: abort.signal,
      onText: (piece) => {
        streamed += piece;
        abort.abort();
      },
    });
    expect(answer.stopped).toBe(true);
    expect(answer.finishReason).toBe('cancelled');
    // The echo model has one token per byte: at most one token past what had streamed.
    expect(answer.completionTokens).toBeLessThanOrEqual(Buffer.byteLength(streamed) + 1);
    expect(answer.text.startsWith(streamed)).toBe(true);
    expect(streamed).not.toBe('');
  });

  test('a signal aborted before the start sends nothing to the engine', async () => {
    const engine: AnswerEngine = { generate: vi.fn(), cancel: vi.fn() };
    const abort = new AbortController();
    abort.abort();
    const answer = await streamAnswer(engine, {
      feature: 'chat',
      messages: question,
      modelId: ECHO_MODEL,
      maxNewTokens: 8,
      signal: abort.signal,
    });
    expect(answer).toMatchObject({ text: '', stopped: true, origin: null });
    expect(engine.generate).not.toHaveBeenCalled();
  });

  test('an engine failure mid-stream rejects, after the pieces already streamed', async () => {
    const engine: AnswerEngine = {
      async generate(_request: GenerateRequest, onChunk?: (piece: string) => void) {
        onChunk?.('half an ');
        throw new Error('The Edgewise engine went away.');
      },
      cancel: vi.fn(),
    };
    const pieces: string[] = [];
    await expect(
      streamAnswer(engine, {
        feature: 'chat',
        messages: question,
        modelId: ECHO_MODEL,
        maxNewTokens: 8,
        onText: (p) => pieces.push(p),
      }),
    ).rejects.toThrow('went away');
    expect(pieces).toEqual(['half an ']);
  });

  test('each request gets its own id, named by its feature', async () => {
    const ids: string[] = [];
    const engine: AnswerEngine = {
      async generate(request: GenerateRequest) {
        ids.push(request.requestId);
        return {
          requestId: request.requestId,
          modelId: ECHO_MODEL,
          device: 'webgpu',
          text: 'ok',
          finishReason: 'stop',
          promptTokens: 1,
          completionTokens: 1,
          ttftMs: 1,
          queuedMs: 0,
          totalMs: 1,
          tokensPerSecond: 0,
        };
      },
      cancel: vi.fn(),
    };
    const request = { messages: question, modelId: ECHO_MODEL, maxNewTokens: 8 };
    const answer = await streamAnswer(engine, { feature: 'summary', ...request });
    await streamAnswer(engine, { feature: 'summary', ...request });
    expect(ids[0]).toMatch(/^summary-/);
    expect(new Set(ids).size).toBe(2);
    expect(answer.origin).toEqual({
      kind: 'device',
      modelId: ECHO_MODEL,
      device: 'webgpu',
      tokensPerSecond: expect.any(Number),
    });
  });
});

describe('an answer never downloads', () => {
  test('a model that is not stored fails with a clear error, and nothing is fetched', async () => {
    node.hub.clearLog();
    await expect(
      streamAnswer(node.engine, {
        feature: 'summary',
        messages: question,
        modelId: 'edgewise-test/echo-tiny-1k',
        maxNewTokens: 8,
      }),
    ).rejects.toThrow(/not downloaded for this device.*nothing was fetched/);
    expect(node.hub.requests).toEqual([]);
  });

  test('a stored-only load (form drafts) refuses a model that is not stored, and fetches nothing', async () => {
    node.hub.clearLog();
    await expect(node.engine.load('edgewise-test/echo-tiny-1k', { storedOnly: true })).rejects.toThrow(
      /not downloaded for this device.*nothing was fetched/,
    );
    expect(node.hub.requests).toEqual([]);
    // The stored model loads as usual.
    await expect(node.engine.load(ECHO_MODEL, { storedOnly: true })).resolves.toMatchObject({ modelId: ECHO_MODEL });
  });
});

describe('textBudget', () => {
  test.each([
    [1024, 0.25, { answerTokens: 512, promptTokens: 512, historyTokens: 128 }],
    [2047, 0.25, { answerTokens: 1023, promptTokens: 1024, historyTokens: 256 }],
    [8192, 0.25, { answerTokens: 1024, promptTokens: 7168, historyTokens: 1792 }],
    [131072, 0.25, { answerTokens: 1024, promptTokens: 130048, historyTokens: 32512 }],
    [1024, 0, { answerTokens: 512, promptTokens: 512, historyTokens: 0 }],
  ])('window %i, history share %d', (contextWindow, share, expected) => {
    expect(textBudget(contextWindow, share)).toEqual({ contextWindow, ...expected });
  });
});
