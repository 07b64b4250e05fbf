import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { completionBody, retryAfter, streamCompletion, type CompletionCall } from '@/lib/cloud';
import { ANSWER_PREFIX, startCloud } from '../cloud/server.mjs';
import type { CloudServer } from '../cloud/server.d.mts';

let server: CloudServer;
beforeAll(async () => {
  server = await startCloud({ chunkChars: 5 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearLog();
  server.setFault(null);
});

const QUESTION = 'What does the page say about tides?';

function call(overrides: Partial<CompletionCall> = {}): CompletionCall & { pieces: string[] } {
  const pieces: string[] = [];
  return {
    provider: { name: 'Test', baseUrl: `${server.url}/v1/`, model: 'test-model' },
    apiKey: 'sk-test-secret',
    body: completionBody('test-model', [{ role: 'user', content: QUESTION }], 64),
    signal: new AbortController().signal,
    onText: (piece) => pieces.push(piece),
    idleTimeoutMs: 5000,
    pieces,
    ...overrides,
  };
}

describe('streamCompletion against the local OpenAI-compatible server', () => {
  test('streams the answer, reads usage, and sends exactly the given body with the key as a bearer token', async () => {
    const c = call();
    const outcome = await streamCompletion(c);
    expect(outcome.error).toBeNull();
    expect(outcome.finishReason).toBe('stop');
    expect(outcome.text).toBe(ANSWER_PREFIX + QUESTION);
    expect(c.pieces.join('')).toBe(outcome.text);
    expect(c.pieces.length).toBeGreaterThan(3);
    expect(outcome.usage).toEqual({ promptTokens: expect.any(Number), completionTokens: c.pieces.length });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.path).toBe('/v1/chat/completions');
    expect(server.requests[0]!.body).toBe(c.body);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-secret');
    expect(JSON.parse(c.body)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  test('no key, no authorization header (a local server)', async () => {
    await streamCompletion(call({ apiKey: null }));
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  test('a server that sends no usage chunk still answers, with usage null', async () => {
    server.setFault({ kind: 'noUsage' });
    const outcome = await streamCompletion(call());
    expect(outcome).toMatchObject({ finishReason: 'stop', usage: null, error: null });
    expect(outcome.text).toBe(ANSWER_PREFIX + QUESTION);
  });

  test.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'refused'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('HTTP %i is a %s failure with the provider’s message', async (status, kind) => {
    server.setFault({ kind: 'status', status, message: `provider says ${status}` });
    const outcome = await streamCompletion(call());
    expect(outcome.error).toEqual({ kind, status, retryAfterSeconds: null, detail: `provider says ${status}` });
    expect(outcome.text).toBe('');
  });

  test('429 carries retry-after', async () => {
    server.setFault({ kind: 'status', status: 429, retryAfter: 17 });
    const outcome = await streamCompletion(call());
    expect(outcome.error).toMatchObject({ kind: 'rateLimit', status: 429, retryAfterSeconds: 17 });
  });

  test('a stream cut midway keeps the text that arrived', async () => {
    server.setFault({ kind: 'cut', afterChunks: 3 });
    const outcome = await streamCompletion(call());
    expect(outcome.error?.kind).toBe('cut');
    expect(outcome.text).toBe((ANSWER_PREFIX + QUESTION).slice(0, 15));
  });

  test('a server that never answers times out', async () => {
    server.setFault({ kind: 'hang' });
    const outcome = await streamCompletion(call({ idleTimeoutMs: 200 }));
    expect(outcome.error?.kind).toBe('timeout');
  });

  test('a stop ends a hanging request as cancelled, not failed', async () => {
    server.setFault({ kind: 'hang' });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const outcome = await streamCompletion(call({ signal: abort.signal }));
    expect(outcome).toMatchObject({ finishReason: 'cancelled', error: null });
  });

  test('a stop mid-stream keeps what arrived', async () => {
    const abort = new AbortController();
    const c = call({ signal: abort.signal });
    const onText = c.onText;
    c.onText = (piece) => {
      onText(piece);
      if (c.pieces.length === 2) abort.abort();
    };
    const outcome = await streamCompletion(c);
    expect(outcome.finishReason).toBe('cancelled');
    expect(outcome.text).toBe(c.pieces.join(''));
    expect(outcome.text.length).toBeGreaterThan(0);
  });

  test('a server nobody listens on is a network failure', async () => {
    const closed = await startCloud();
    const url = closed.url;
    await closed.close();
    const outcome = await streamCompletion(call({ provider: { name: 'Gone', baseUrl: `${url}/v1/`, model: 'm' } }));
    expect(outcome.error?.kind).toBe('network');
  });
});

describe('retryAfter', () => {
  test.each([
    ['17', 17],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 30],
    ['soon', null],
    [null, null],
  ] as const)('%s → %s', (header, seconds) => {
    expect(retryAfter(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(seconds);
  });
});
